package com.busanev.production.sequence;

/**
 * The counts of a day's sequence and its weighted objective (lower is better). {@code paintBatchesOverLimit}
 * is the number of same-colour runs longer than the paint batch limit: a sequence with any is invalid.
 */
public record Score(long highPriorityViolations, long lowPriorityViolations, long colourChanges,
        long paintBatchesOverLimit, long objective) {

    public boolean valid() {
        return paintBatchesOverLimit == 0;
    }

    @Override
    public String toString() {
        return "high-priority ratio violations " + highPriorityViolations + ", low-priority ratio violations "
                + lowPriorityViolations + ", colour changes " + colourChanges + ", objective " + objective
                + (valid() ? "" : ", INVALID: " + paintBatchesOverLimit + " paint batches over the limit");
    }
}
