package com.busanev.production.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class Co2TrajectoryTest {
    /** The defaults: 1,600 kg in 2025, -50% by 2030. */
    private final Co2Trajectory trajectory = new Co2Trajectory() {
        public int baselineYear() {
            return 2025;
        }

        public double baselineKgPerVehicle() {
            return 1600;
        }

        public int targetYear() {
            return 2030;
        }

        public double targetReduction() {
            return 0.5;
        }
    };

    @Test
    void runsInAStraightLineFromTheBaselineToHalfByTheTargetYear() {
        assertThat(trajectory.targetOn(LocalDate.of(2025, 1, 1))).isEqualTo(1600.0);
        assertThat(trajectory.targetOn(LocalDate.of(2030, 1, 1))).isEqualTo(800.0);
        assertThat(trajectory.targetOn(LocalDate.of(2027, 7, 2))).isBetween(1199.0, 1201.0);
    }

    @Test
    void isTheBaselineBeforeItAndTheTargetAfterIt() {
        assertThat(trajectory.targetOn(LocalDate.of(2024, 6, 1))).isEqualTo(1600.0);
        assertThat(trajectory.targetOn(LocalDate.of(2032, 6, 1))).isEqualTo(800.0);
    }
}
