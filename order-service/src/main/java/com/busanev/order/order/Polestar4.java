package com.busanev.order.order;

/** The Polestar 4 as Busan builds it: what a brand may order. Served with labels at /api/v1/reference. */
public final class Polestar4 {
    public static final String MODEL = "POLESTAR_4";

    /** A choice on the order form: the code partners send and the name they show. */
    public interface Choice {
        String name();

        String label();
    }

    public enum Variant implements Choice {
        LONG_RANGE_SINGLE_MOTOR("Long Range Single Motor"),
        LONG_RANGE_DUAL_MOTOR("Long Range Dual Motor");

        private final String label;

        Variant(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    public enum OptionPack implements Choice {
        PLUS("Plus pack"),
        PILOT("Pilot pack"),
        /** Performance tuning of the dual-motor powertrain: needs {@link Variant#LONG_RANGE_DUAL_MOTOR}. */
        PERFORMANCE("Performance pack");

        private final String label;

        OptionPack(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    public enum ExteriorColour implements Choice {
        SNOW("Snow"), MAGNESIUM("Magnesium"), MIDNIGHT("Midnight"), SPACE("Space"), STORM("Storm"),
        ELECTRON("Electron");

        private final String label;

        ExteriorColour(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    public enum Interior implements Choice {
        CHARCOAL_TAILORED_KNIT("Charcoal Tailored Knit"),
        ZINC_BIO_ATTRIBUTED_MB_TECH("Zinc Bio-attributed MicroTech"),
        CHARCOAL_NAPPA_LEATHER("Charcoal Nappa leather"),
        ZINC_NAPPA_LEATHER("Zinc Nappa leather");

        private final String label;

        Interior(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    public enum Wheels implements Choice {
        ALLOY_20("20\" alloy"),
        ALLOY_21("21\" alloy"),
        /** Come with the Performance pack only. */
        PERFORMANCE_22("22\" forged performance");

        private final String label;

        Wheels(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    private Polestar4() {
    }
}
