package com.busanev.supplier.stock;

import com.busanev.kit.problem.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Pack serials as a request gives them: runs ({@code from}..{@code to}) and single serials, in any mix. */
final class SerialsRequest {
    static final String SERIAL = "[A-Z0-9-]*\\d+";

    private SerialsRequest() {
    }

    /**
     * The serials of the runs and the list, in that order; empty with violations added when a run is malformed, a
     * serial is named twice or there are more than {@link SerialRange#MAX_PACKS}.
     */
    static Optional<List<String>> expand(List<SerialRun> runs, List<String> serials, List<Violation> violations) {
        List<String> all = new ArrayList<>();
        int before = violations.size();
        List<SerialRun> givenRuns = runs == null ? List.of() : runs;
        for (int i = 0; i < givenRuns.size(); i++) {
            SerialRun run = givenRuns.get(i);
            SerialRange.of(run.from(), run.to(), "ranges[" + i + "]", violations).map(SerialRange::serials)
                    .ifPresent(all::addAll);
            if (all.size() > SerialRange.MAX_PACKS) {
                violations.add(new Violation("ranges", "at most " + SerialRange.MAX_PACKS + " packs at once"));
                return Optional.empty();
            }
        }
        all.addAll(serials == null ? List.of() : serials);
        Set<String> seen = new HashSet<>();
        all.stream().filter(serial -> !seen.add(serial)).findFirst()
                .ifPresent(serial -> violations.add(new Violation("serials", serial + " is named more than once")));
        if (all.size() > SerialRange.MAX_PACKS) {
            violations.add(new Violation("serials", "at most " + SerialRange.MAX_PACKS + " packs at once"));
        }
        return violations.size() > before ? Optional.empty() : Optional.of(all);
    }
}
