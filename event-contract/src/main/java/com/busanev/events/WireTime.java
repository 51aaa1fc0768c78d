package com.busanev.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Instants as this suite writes them on the wire, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} (Jackson's form of every
 * {@link Instant} in a payload, and the CloudEvents {@code ce_time} header), read by position. java.time's formatters
 * took an eighth of order-service's CPU while it tracked events (JFR: Jackson's {@code InstantDeserializer} and
 * {@code OffsetDateTime.parse} of {@code ce_time}). Any other text (an offset, no seconds, another separator) is
 * left to the caller's java.time reading, so what a consumer accepts does not change. (ethlo's ITU parser was tried
 * first: it takes a space for the {@code T} and ignores what follows the zone, which java.time refuses.)
 */
public final class WireTime {
    /** {@code yyyy-MM-ddTHH:mm:ssZ}; a fraction adds a dot and one to nine digits. */
    private static final int SHORTEST = 20;
    private static final int LONGEST = SHORTEST + 1 + 9;
    private static final int[] NANOS_PER_DIGIT = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private WireTime() {
    }

    /** The instant of a UTC timestamp in the form above; empty for any other text. */
    public static Optional<Instant> utc(String text) {
        int length = text.length();
        if (length < SHORTEST || length == SHORTEST + 1 || length > LONGEST || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z' || (length > SHORTEST && text.charAt(19) != '.')) {
            return Optional.empty();
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        int fraction = length > SHORTEST ? number(text, 20, length - 1) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || fraction < 0) {
            return Optional.empty();
        }
        int nanos = length > SHORTEST ? fraction * NANOS_PER_DIGIT[length - SHORTEST - 2] : 0;
        try {
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException noSuchTime) {
            return Optional.empty();
        }
    }

    /** The decimal digits from {@code start} to {@code end} as a number; -1 if any is no digit. */
    private static int number(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
