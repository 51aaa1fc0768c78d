package com.busanev.supplier.schedule;

/** Where a schedule week's packs come from, before they are clamped to the contract's weekly flex bounds. */
public enum Basis {
    /** What the week's announced allocation takes from the contract. */
    ALLOCATION,
    /** No allocation yet: the contract's share of the week's real demand, split as the allocator splits it. */
    DEMAND_SHARE,
    /** Neither an allocation nor demand in the week: the flex minimum. */
    FLEX_MINIMUM
}
