package com.busanev.production.whatif;

import com.busanev.events.IsoWeek;
import com.busanev.kit.problem.ProblemMappers;
import com.busanev.kit.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Bean Validation and the checks it cannot express (a known type, weeks of their year, a range in order), at once. */
@ApplicationScoped
class WhatIfRules {
    private final Validator validator;

    WhatIfRules(Validator validator) {
        this.validator = validator;
    }

    List<Violation> violations(WhatIfRequest request) {
        List<Violation> violations = new ArrayList<>();
        validator.validate(request).forEach(v -> violations.add(new Violation(ProblemMappers.fieldOf(v), v.getMessage())));
        List<SupplyChange> changes = request.changes() == null ? List.of() : request.changes();
        for (int i = 0; i < changes.size(); i++) {
            String at = "changes[" + i + "].";
            SupplyChange change = changes.get(i);
            if (change instanceof SupplyChange.Unknown) {
                violations.add(new Violation(at + "type", "must be one of " + SupplyChange.SUPPLIER_CUT + ", "
                        + SupplyChange.CONTRACT_ENDS + ", " + SupplyChange.NEW_SUPPLIER));
            } else if (change != null) {
                weeks(at, change.weeks(), violations);
            }
        }
        violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
        return violations;
    }

    /** Weeks in the pattern that are no week of their year (W00, W53 of a 52-week year), and an until before a from. */
    private static void weeks(String at, Map<String, String> weeks, List<Violation> violations) {
        weeks.forEach((field, text) -> {
            if (text != null && text.matches(SupplyChange.WEEK)) {
                try {
                    IsoWeek.parse(text);
                } catch (DateTimeParseException e) {
                    violations.add(new Violation(at + field, "is not a week of that year"));
                }
            }
        });
        String from = weeks.get("fromWeek");
        String until = weeks.get("untilWeek");
        if (valid(from) && valid(until) && IsoWeek.parse(until).compareTo(IsoWeek.parse(from)) < 0) {
            violations.add(new Violation(at + "untilWeek", "must not be before fromWeek"));
        }
    }

    private static boolean valid(String week) {
        try {
            return week != null && week.matches(SupplyChange.WEEK) && IsoWeek.parse(week) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
