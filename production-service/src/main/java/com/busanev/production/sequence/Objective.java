package com.busanev.production.sequence;

/** The three quantities a sequence is judged on; the plant ranks them (rank 1 weighs most). */
public enum Objective {
    /** Excess cars over N in the windows of the high-priority ratio constraints (EP). */
    HIGH_PRIORITY_RATIOS,
    /** Excess cars over N in the windows of the low-priority ratio constraints (ENP). */
    LOW_PRIORITY_RATIOS,
    /** Paint colour changes (RAF). */
    COLOUR_CHANGES;

    /** The weight of the objective at each rank, as the challenge defines them. */
    static final long[] RANK_WEIGHTS = {1_000_000L, 1_000L, 1L};
}
