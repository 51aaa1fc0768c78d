package com.busanev.tower.supply;

import com.busanev.tower.api.Outcome;

/**
 * What a "pack or VIN" search found: the pack's passport (as much as the person may read) and its genealogy, or why
 * there is nothing to show ({@code notFound}: no such pack, or no pack recorded for the car).
 */
public record PackLookup(String query, String serial, Outcome<Passport> passport, Outcome<SupplyApi.Pack> genealogy,
        String notFound) {

    static PackLookup none(String query, String why) {
        return new PackLookup(query, null, null, null, why);
    }
}
