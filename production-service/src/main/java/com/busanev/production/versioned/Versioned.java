package com.busanev.production.versioned;

import java.time.Instant;

/** A document as of one version; version 0 is the built-in default nobody changed yet. */
public record Versioned<T>(int version, T document, String changedBy, Instant changedAt) {
}
