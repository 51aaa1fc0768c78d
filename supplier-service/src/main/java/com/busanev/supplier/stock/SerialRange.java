package com.busanev.supplier.stock;

import com.busanev.kit.problem.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run of pack serials: a contiguous run of numbers under one prefix, e.g. LGES-000101..LGES-000150 is prefix
 * "LGES-", numbers 101 to 150, written with (at least) the six digits of the first serial.
 */
public record SerialRange(String prefix, long first, long last, int width) {
    /** At most this many packs on one notice or receipt. */
    public static final int MAX_PACKS = 100_000;
    private static final Pattern SERIAL = Pattern.compile("(.*?)(\\d+)");
    private static final int MAX_DIGITS = 18;

    /** The range, or empty with the reasons added to {@code violations} under {@code field}. */
    public static Optional<SerialRange> of(String from, String to, String field, List<Violation> violations) {
        Matcher start = SERIAL.matcher(from);
        Matcher end = SERIAL.matcher(to);
        if (!start.matches() || !end.matches()) {
            return Optional.empty(); // the request's own @Pattern already reported it
        }
        if (start.group(2).length() > MAX_DIGITS || end.group(2).length() > MAX_DIGITS) {
            violations.add(new Violation(field, "a serial number has at most " + MAX_DIGITS + " digits"));
            return Optional.empty();
        }
        if (!start.group(1).equals(end.group(1))) {
            violations.add(new Violation(field, "the last serial must share the prefix of the first"));
            return Optional.empty();
        }
        SerialRange range = new SerialRange(start.group(1), Long.parseLong(start.group(2)), Long.parseLong(end.group(2)),
                start.group(2).length());
        if (range.last < range.first) {
            violations.add(new Violation(field, "the last serial must not be before the first"));
            return Optional.empty();
        }
        if (range.count() > MAX_PACKS) {
            violations.add(new Violation(field, "holds " + range.count() + " serials, at most " + MAX_PACKS));
            return Optional.empty();
        }
        return Optional.of(range);
    }

    public long count() {
        return last - first + 1;
    }

    /** Every serial of the run, in order. */
    public List<String> serials() {
        List<String> serials = new ArrayList<>((int) count());
        for (long n = first; n <= last; n++) {
            String digits = Long.toString(n);
            serials.add(prefix + "0".repeat(Math.max(0, width - digits.length())) + digits);
        }
        return serials;
    }
}
