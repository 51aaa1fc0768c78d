package com.busanev.tower.api;

import java.util.List;

/** The services' RFC 9457 problem details, with the field violations of bad input. */
public record Problem(String title, int status, String detail, List<Violation> violations) {
    public record Violation(String field, String message) {
    }
}
