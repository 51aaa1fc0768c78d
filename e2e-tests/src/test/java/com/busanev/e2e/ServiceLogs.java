package com.busanev.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The services' logs of a run ({@code <runDir>/logs/<service>.log}, the kit's console format): a clean run of the
 * chain logs no ERROR, so every ERROR line is a bug to fix, not noise to live with.
 */
final class ServiceLogs {
    /** The level after the time, in the kit's console format ({@code %d{HH:mm:ss.SSS} %-5p [%c{2.}] (%t) %s%e%n}). */
    private static final Pattern ERROR_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d+ ERROR ");

    private ServiceLogs() {
    }

    /** Every ERROR line of the services' logs, each prefixed with its service. */
    static List<String> errors(Path runDir, Collection<String> services) throws IOException {
        return errorsAfter(runDir, services.stream().collect(Collectors.toMap(service -> service, service -> 0)));
    }

    /** How many lines each service's log has now. */
    static Map<String, Integer> lineCounts(Path runDir, Collection<String> services) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (String service : services) {
            counts.put(service, lines(runDir, service).size());
        }
        return counts;
    }

    /** The ERROR lines each service logged after the first {@code skipped} lines of its log. */
    static List<String> errorsAfter(Path runDir, Map<String, Integer> skipped) throws IOException {
        List<String> errors = new ArrayList<>();
        for (var service : skipped.entrySet()) {
            List<String> lines = lines(runDir, service.getKey());
            for (String line : lines.subList(Math.min(service.getValue(), lines.size()), lines.size())) {
                if (ERROR_LINE.matcher(line).find()) {
                    errors.add(service.getKey() + ": " + line);
                }
            }
        }
        return errors;
    }

    private static List<String> lines(Path runDir, String service) throws IOException {
        return Files.readAllLines(runDir.resolve("logs").resolve(service + ".log"));
    }
}
