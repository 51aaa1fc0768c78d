package com.busanev.supplier.contract;

import com.busanev.kit.problem.Violation;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pack serials of one delivery: a contiguous run of numbers under one prefix, e.g. LGES-000101..LGES-000150
 * is prefix "LGES-", numbers 101 to 150. The number is the serial's trailing digits.
 */
record SerialRange(String prefix, long first, long last) {
    private static final Pattern SERIAL = Pattern.compile("(.*?)(\\d+)");
    private static final int MAX_DIGITS = 18;

    /** The range, or empty with the reasons added to {@code violations}. */
    static Optional<SerialRange> of(String from, String to, int packs, List<Violation> violations) {
        Matcher start = SERIAL.matcher(from);
        Matcher end = SERIAL.matcher(to);
        if (!start.matches() || !end.matches()) {
            return Optional.empty(); // the request's own @Pattern already reported it
        }
        if (start.group(2).length() > MAX_DIGITS || end.group(2).length() > MAX_DIGITS) {
            violations.add(new Violation("serialFrom", "a serial number has at most " + MAX_DIGITS + " digits"));
            return Optional.empty();
        }
        if (!start.group(1).equals(end.group(1))) {
            violations.add(new Violation("serialTo", "must share the prefix of serialFrom"));
            return Optional.empty();
        }
        SerialRange range = new SerialRange(start.group(1), Long.parseLong(start.group(2)), Long.parseLong(end.group(2)));
        if (range.last < range.first) {
            violations.add(new Violation("serialTo", "must not be before serialFrom"));
            return Optional.empty();
        }
        if (range.count() != packs) {
            violations.add(new Violation("packs", "the serial range holds " + range.count() + " packs"));
            return Optional.empty();
        }
        return Optional.of(range);
    }

    long count() {
        return last - first + 1;
    }
}
