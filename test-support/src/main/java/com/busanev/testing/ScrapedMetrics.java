package com.busanev.testing;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service's meters as Prometheus scrapes them at /q/metrics, read by name and labels. */
public final class ScrapedMetrics {
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)(?:\\{([^}]*)})? (\\S+)", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private ScrapedMetrics() {
    }

    /** Every sample of {@code metric}, by its labels. */
    public static Map<Map<String, String>, Double> samples(String metric) {
        String scraped = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<Map<String, String>, Double> samples = new HashMap<>();
        Matcher sample = SAMPLE.matcher(scraped);
        while (sample.find()) {
            if (sample.group(1).equals(metric)) {
                Map<String, String> labels = new HashMap<>();
                if (sample.group(2) != null) {
                    LABEL.matcher(sample.group(2)).results().forEach(label -> labels.put(label.group(1), label.group(2)));
                }
                samples.put(labels, Double.valueOf(sample.group(3)));
            }
        }
        return samples;
    }

    /** The value of the sample of {@code metric} that carries all of {@code labels}; 0 while there is none yet. */
    public static double value(String metric, Map<String, String> labels) {
        return samples(metric).entrySet().stream()
                .filter(sample -> sample.getKey().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Map.Entry::getValue).findFirst().orElse(0);
    }

    /** The value of a meter without labels of its own (the kit's application tag aside). */
    public static double value(String metric) {
        return value(metric, Map.of());
    }
}
