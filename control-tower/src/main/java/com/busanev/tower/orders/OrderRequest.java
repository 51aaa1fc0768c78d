package com.busanev.tower.orders;

import java.util.List;

/** The body of POST /api/v1/orders, from the order form; the brand is the caller's, from the token. */
public record OrderRequest(String brandReference, String variant, String exteriorColour, String interior,
        List<String> optionPacks, String wheels, String market, String requestedWeek, Integer priority) {

    /** The form's fields, in the order it shows them (a violation of another field is listed above the form). */
    public static final List<String> FIELDS = List.of("brandReference", "variant", "exteriorColour", "interior",
            "optionPacks", "wheels", "market", "requestedWeek", "priority");

    public static OrderRequest empty() {
        return new OrderRequest(null, null, null, null, List.of(), null, null, null, null);
    }

    public boolean has(String pack) {
        return optionPacks != null && optionPacks.contains(pack);
    }
}
