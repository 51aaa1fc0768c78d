package com.busanev.tower.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A refused form as the person sees it: each field's message next to that field, and above the form what belongs to
 * no field shown (the API's detail, a conflict, violations of other fields, or that the service is down).
 */
public record FieldErrors(String summary, Map<String, String> fields, Map<String, String> others) {
    public static final FieldErrors NONE = new FieldErrors(null, Map.of(), Map.of());

    public static FieldErrors of(ApiError error, Collection<String> shown) {
        Map<String, String> fields = error.fields();
        return new FieldErrors(error.summary(), fields, error.otherFields(shown));
    }

    /** The message for one field, or null. */
    public String field(String name) {
        return fields.get(name);
    }

    public boolean any() {
        return summary != null;
    }

    public List<Map.Entry<String, String>> otherList() {
        return List.copyOf(others.entrySet());
    }
}
