package com.busanev.supplier.alert;

/** How bad a shortage is, by the share of the need it leaves uncovered: 25% or more critical, 10% or more major. */
public enum Severity {
    MINOR, MAJOR, CRITICAL;

    public static Severity of(int gap, int need) {
        if (gap * 4L >= need) {
            return CRITICAL;
        }
        return gap * 10L >= need ? MAJOR : MINOR;
    }
}
