package com.busanev.supplier.stock;

/** A pack's life at the plant: shipped, in stock, built into a car, or never arrived. */
public enum PackStatus {
    IN_TRANSIT, RECEIVED, CONSUMED, MISSING
}
