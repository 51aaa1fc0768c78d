package com.busanev.production.sequence;

/**
 * At most {@code n} cars carrying the option in any {@code p} consecutive cars (ROADEF 2005 "N/P").
 * A high-priority constraint counts towards the high-priority objective, the others towards the low one.
 */
public record RatioConstraint(String ident, int n, int p, boolean highPriority) {
    public RatioConstraint {
        if (n < 0 || p < 1 || n > p) {
            throw new IllegalArgumentException("ratio " + ident + ": need 0 <= N <= P and P >= 1, got " + n + "/" + p);
        }
    }
}
