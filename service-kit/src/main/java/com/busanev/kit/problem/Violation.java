package com.busanev.kit.problem;

/** One field-level problem with the request: {@code field} is the JSON path of the offending value. */
public record Violation(String field, String message) {
}
