package com.busanev.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

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
        List<String> errors = new ArrayList<>();
        for (String service : services) {
            Path log = runDir.resolve("logs").resolve(service + ".log");
            for (String line : Files.readAllLines(log)) {
                if (ERROR_LINE.matcher(line).find()) {
                    errors.add(service + ": " + line);
                }
            }
        }
        return errors;
    }
}
