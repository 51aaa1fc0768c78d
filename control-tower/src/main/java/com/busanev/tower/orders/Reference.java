package com.busanev.tower.orders;

import java.util.List;
import java.util.Map;

/** What may be ordered and the rules between the choices (GET /api/v1/reference): the form is built from it. */
public record Reference(String model, List<Option> variants, List<Option> optionPacks, List<Option> exteriorColours,
        List<Option> interiors, List<Option> wheels, Map<String, String> markets, List<Rule> rules) {

    /** Country codes one may order for, sorted (the map is sorted by order-service). */
    public java.util.List<String> marketCodes() {
        return java.util.List.copyOf(markets.keySet());
    }

    public record Option(String code, String label) {
    }

    public record Rule(String rule, String description) {
    }
}
