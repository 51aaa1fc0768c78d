package com.busanev.production.calendar;

import com.busanev.production.versioned.DocumentVersion;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One version of the plant calendar; the highest is in force, the others are its audit trail. */
@Entity
@Table(name = "calendar_version")
public class CalendarVersion extends DocumentVersion {
}
