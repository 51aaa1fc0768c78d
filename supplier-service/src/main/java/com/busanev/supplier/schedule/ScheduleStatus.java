package com.busanev.supplier.schedule;

/** A revision is ISSUED, then ACKNOWLEDGED by its supplier; a later revision makes it SUPERSEDED (kept as history). */
public enum ScheduleStatus {
    ISSUED, ACKNOWLEDGED, SUPERSEDED
}
