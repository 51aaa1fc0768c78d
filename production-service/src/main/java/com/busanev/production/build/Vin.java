package com.busanev.production.build;

import java.util.Map;

/**
 * 17-character VINs (ISO 3779, with the North American check digit in position 9) for Polestar 4 cars built
 * in Busan: WMI, vehicle descriptor, check digit, model year, plant, serial.
 */
public final class Vin {
    /** Renault Korea's world manufacturer identifier. */
    static final String WMI = "KNM";
    static final char BUSAN_PLANT = 'B';
    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final String YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";
    private static final Map<Character, Integer> LETTERS = Map.ofEntries(
            Map.entry('A', 1), Map.entry('B', 2), Map.entry('C', 3), Map.entry('D', 4), Map.entry('E', 5),
            Map.entry('F', 6), Map.entry('G', 7), Map.entry('H', 8), Map.entry('J', 1), Map.entry('K', 2),
            Map.entry('L', 3), Map.entry('M', 4), Map.entry('N', 5), Map.entry('P', 7), Map.entry('R', 9),
            Map.entry('S', 2), Map.entry('T', 3), Map.entry('U', 4), Map.entry('V', 5), Map.entry('W', 6),
            Map.entry('X', 7), Map.entry('Y', 8), Map.entry('Z', 9));

    private Vin() {
    }

    /** The VIN of the {@code serial}-th Polestar 4 of a model year; dual-motor cars carry 'D' in the descriptor. */
    public static String assign(String variant, int modelYear, long serial) {
        if (serial < 0 || serial > 999_999) {
            throw new IllegalArgumentException("serial out of range: " + serial);
        }
        String descriptor = "P4" + (variant.contains("DUAL") ? 'D' : 'S') + "EV";
        String vin = WMI + descriptor + '0' + yearCode(modelYear) + BUSAN_PLANT + String.format("%06d", serial);
        return vin.substring(0, 8) + checkDigit(vin) + vin.substring(9);
    }

    public static boolean isValid(String vin) {
        if (vin == null || !vin.matches("[A-HJ-NPR-Z0-9]{17}")) {
            return false;
        }
        return vin.charAt(8) == checkDigit(vin);
    }

    static char checkDigit(String vin) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = vin.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : LETTERS.get(c);
            sum += value * WEIGHTS[i];
        }
        int remainder = sum % 11;
        return remainder == 10 ? 'X' : (char) ('0' + remainder);
    }

    static char yearCode(int modelYear) {
        return YEAR_CODES.charAt(Math.floorMod(modelYear - 2010, YEAR_CODES.length()));
    }
}
