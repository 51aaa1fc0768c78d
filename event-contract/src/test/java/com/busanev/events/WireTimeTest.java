package com.busanev.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WireTimeTest {
    private static final long SEED = 20261201L;
    private static final String DIGITS_AND_SIGNS = "0123456789-+:.TZtz ";

    /**
     * How the suite writes instants (Jackson's ISO form in payloads, an offset date-time in UTC in ce_time), then
     * the same instant with offsets, as other producers may write it.
     */
    private static List<String> written(Instant instant) {
        return List.of(instant.toString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC)),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.ofHours(9))),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.ofHoursMinutes(-3, -30))));
    }

    private static Instant randomInstant(Random random) {
        long seconds = Instant.parse("1990-01-01T00:00:00Z").getEpochSecond() + random.nextLong(2_000_000_000L);
        int nanos = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(seconds, nanos);
    }

    @Test
    void readsWhatTheSuiteWritesToTheNanosecond() {
        Random random = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = randomInstant(random);
            for (String text : written(instant).subList(0, 2)) {
                assertThat(WireTime.utc(text)).as(text).contains(instant);
            }
        }
    }

    /**
     * Whatever the text, the fast reading never throws and never disagrees with java.time: a text it takes reads as
     * java.time reads it, and one it leaves (empty) is left to java.time, which decides as before.
     */
    @Test
    void neverDisagreesWithJavaTimeOnMangledTexts() {
        Random random = new Random(SEED);
        int taken = 0;
        for (int i = 0; i < 50_000; i++) {
            List<String> forms = written(randomInstant(random));
            StringBuilder text = new StringBuilder(forms.get(random.nextInt(forms.size())));
            for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, DIGITS_AND_SIGNS.charAt(random.nextInt(DIGITS_AND_SIGNS.length())));
                    case 1 -> text.deleteCharAt(at);
                    default -> text.insert(at, DIGITS_AND_SIGNS.charAt(random.nextInt(DIGITS_AND_SIGNS.length())));
                }
            }
            String mangled = text.toString();
            Optional<Instant> fast = WireTime.utc(mangled);
            if (fast.isPresent()) {
                taken++;
                Optional<Instant> jdk = javaTime(mangled);
                if (jdk.isPresent()) {
                    assertThat(fast).as(mangled).isEqualTo(jdk);
                }
            }
        }
        assertThat(taken).as("some mangled texts are still timestamps").isPositive();
    }

    @Test
    void leavesWhatIsNoUtcTimestampToJavaTime() {
        assertThat(WireTime.utc("2027-03-01T10:15:30+09:00")).as("an offset: java.time's to judge").isEmpty();
        assertThat(WireTime.utc("2027-03-01T01:15Z")).as("no seconds: ISO 8601, not RFC 3339").isEmpty();
        assertThat(WireTime.utc("2027-03-01")).isEmpty();
        assertThat(WireTime.utc("yesterday")).isEmpty();
        assertThat(WireTime.utc("")).isEmpty();
        assertThat(WireTime.utc("2027-02-30T10:15:00Z")).as("no such day").isEmpty();
    }

    /**
     * A payload's instant reads as it did with the JavaTimeModule alone, whatever the text: the same instant, or
     * refused. Strings as the suite writes them and mangled, plus the forms other producers may send.
     */
    @Test
    void payloadInstantsReadAsTheJavaTimeModuleReadsThem() throws Exception {
        ObjectMapper before = new ObjectMapper().registerModule(new JavaTimeModule());
        List<String> values = new ArrayList<>(List.of("\"2027-03-01T10:15:30+09:00\"", "\"2027-03-01T01:15Z\"",
                "1803856530", "1803856530.5", "\"1803856530\"", "\"the first of March\"", "\"\"", "null"));
        Random random = new Random(SEED);
        for (int i = 0; i < 5_000; i++) {
            List<String> forms = written(randomInstant(random));
            StringBuilder text = new StringBuilder(forms.get(random.nextInt(forms.size())));
            if (random.nextBoolean()) {
                text.setCharAt(random.nextInt(text.length()), DIGITS_AND_SIGNS.charAt(random.nextInt(DIGITS_AND_SIGNS.length())));
            }
            values.add("\"" + text + "\"");
        }
        for (String value : values) {
            String json = "{\"orderId\":\"6f1c2d3e-0000-4000-8000-000000000001\",\"plannedDate\":\"2027-03-01\","
                    + "\"startedAt\":" + value + "}";
            assertThat(read(EventJson.mapper(), json)).as(value).isEqualTo(read(before, json));
        }
    }

    /** The instant read, or the kind of failure. */
    private static Object read(ObjectMapper mapper, String json) {
        try {
            return Optional.ofNullable(mapper.readValue(json, BuildStarted.class).startedAt());
        } catch (Exception refused) {
            return refused.getClass();
        }
    }

    private static Optional<Instant> javaTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeException unreadable) {
            return Optional.empty();
        }
    }
}
