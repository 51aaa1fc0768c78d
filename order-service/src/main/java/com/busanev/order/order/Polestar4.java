package com.busanev.order.order;

/** The Polestar 4 as Busan builds it: what a brand may order. Served at /api/v1/reference. */
public final class Polestar4 {
    public static final String MODEL = "POLESTAR_4";

    public enum Variant {
        LONG_RANGE_SINGLE_MOTOR, LONG_RANGE_DUAL_MOTOR
    }

    public enum OptionPack {
        PLUS, PILOT,
        /** Performance tuning of the dual-motor powertrain: needs {@link Variant#LONG_RANGE_DUAL_MOTOR}. */
        PERFORMANCE
    }

    public enum ExteriorColour {
        SNOW, MAGNESIUM, MIDNIGHT, SPACE, STORM, ELECTRON
    }

    public enum Interior {
        CHARCOAL_TAILORED_KNIT, ZINC_BIO_ATTRIBUTED_MB_TECH, CHARCOAL_NAPPA_LEATHER, ZINC_NAPPA_LEATHER
    }

    public enum Wheels {
        ALLOY_20, ALLOY_21, PERFORMANCE_22
    }

    private Polestar4() {
    }

}
