package com.busanev.production.sequence;

import com.busanev.production.versioned.VersionedDocuments;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.time.Clock;

/** The sequencing rules in force (the Busan default until a planner changes them) and their versions. */
@Singleton
public class Rules extends VersionedDocuments<SequencingRules, RulesVersion> {
    Rules(ObjectMapper mapper, Validator validator, Clock clock) {
        super("sequencing rules", SequencingRules.class, SequencingRules::busanDefault, RulesVersion.class,
                RulesVersion::new, mapper, validator, clock);
    }
}
