package com.busanev.production.sequence;

import com.busanev.production.versioned.DocumentVersion;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One version of the sequencing rules; the highest is in force, the others are its audit trail. */
@Entity
@Table(name = "sequencing_rules_version")
public class RulesVersion extends DocumentVersion {
}
