package com.busanev.order.order;

import com.busanev.events.IsoWeek;
import com.busanev.events.Markets;
import com.busanev.kit.problem.ProblemMappers;
import com.busanev.kit.problem.Violation;
import com.busanev.order.order.Polestar4.OptionPack;
import com.busanev.order.order.Polestar4.Variant;
import com.busanev.order.order.Polestar4.Wheels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Bean Validation and the product rules of the Polestar 4 together, so a partner gets every violation at once. */
@ApplicationScoped
public class OrderRules {
    private final Validator validator;
    private final Clock clock;

    OrderRules(Validator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
    }

    public List<Violation> violations(OrderRequest request) {
        List<Violation> violations = new ArrayList<>();
        validator.validate(request).forEach(v -> violations.add(new Violation(ProblemMappers.fieldOf(v), v.getMessage())));
        if (request.market() != null && request.market().matches("[A-Z]{2}") && !Markets.isKnown(request.market())) {
            violations.add(new Violation("market", "the Polestar 4 from Busan is sold in US, CA, KR and EU countries"));
        }
        List<OptionPack> packs = request.packs();
        if (new HashSet<>(packs).size() != packs.size()) {
            violations.add(new Violation("optionPacks", "must not repeat a pack"));
        }
        if (packs.contains(OptionPack.PERFORMANCE) && request.variant() == Variant.LONG_RANGE_SINGLE_MOTOR) {
            violations.add(new Violation("optionPacks", "the Performance pack needs the Long Range Dual Motor variant"));
        }
        if (request.wheels() == Wheels.PERFORMANCE_22 && !packs.contains(OptionPack.PERFORMANCE)) {
            violations.add(new Violation("wheels", "22-inch performance wheels come with the Performance pack only"));
        }
        if (request.requestedWeek() != null && request.requestedWeek().matches("\\d{4}-W\\d{2}")) {
            try {
                IsoWeek week = IsoWeek.parse(request.requestedWeek());
                if (week.compareTo(IsoWeek.of(LocalDate.now(clock))) < 0) {
                    violations.add(new Violation("requestedWeek", "is in the past"));
                }
            } catch (DateTimeParseException e) {
                violations.add(new Violation("requestedWeek", "is not a week of that year"));
            }
        }
        violations.sort((a, b) -> a.field().compareTo(b.field()));
        return violations;
    }
}
