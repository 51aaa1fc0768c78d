package com.busanev.supplier.schedule;

/** FIRM weeks are a commitment to buy and never change in a later revision; FORECAST weeks are for planning. */
public enum LineKind {
    FIRM, FORECAST
}
