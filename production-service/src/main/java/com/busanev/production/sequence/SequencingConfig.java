package com.busanev.production.sequence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How line sequences are computed and kept (production.sequencing.*). */
@ConfigMapping(prefix = "production.sequencing")
public interface SequencingConfig {
    /**
     * The local search's time for one day (a 1,300-car day is usable within 10 s, see docs/benchmarks; a refresh
     * costs up to this much CPU per changed open day, so it is kept short).
     */
    @WithDefault("2s")
    Duration timeLimit();

    /** Seed of the local search: the same inputs and moves give the same sequence. */
    @WithDefault("2005")
    long seed();

    /**
     * Days from today whose sequence is frozen (kept as it is, SequenceFrozen announces it). Keep it no larger
     * than production.planning.frozen-days, so no build is slotted into a day whose sequence is frozen.
     */
    @WithDefault("1")
    int frozenDays();

    /** Days after the frozen horizon whose sequences the periodic refresh keeps up to date. */
    @WithDefault("7")
    int openDays();

    /** How often the open days whose inputs changed are sequenced again (a duration, or "disabled"). */
    @WithDefault("60s")
    String refreshInterval();
}
