package com.busanev.tower.web;

import java.util.Locale;
import java.util.regex.Pattern;

/** A vehicle identification number in a search box: 17 characters, no I, O or Q. */
public final class Vin {
    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");

    private Vin() {
    }

    /** The search as a VIN (upper case), or null when it is not one. */
    public static String parse(String search) {
        if (search == null) {
            return null;
        }
        String upper = search.toUpperCase(Locale.ROOT);
        return VIN.matcher(upper).matches() ? upper : null;
    }
}
