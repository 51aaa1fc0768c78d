package com.busanev.tower.supply;

import com.busanev.tower.api.Outcome;

/**
 * What a "pack or VIN" search found: the pack's passport (as much as the person may read) and its genealogy, or why
 * there is nothing to show ({@code notFound}: no such pack, or no pack recorded for the car). The passport is null
 * when supplier-service could not say which pack a car has (the genealogy then holds why).
 */
public record PackLookup(Outcome<Passport> passport, Outcome<SupplyApi.Pack> genealogy, String notFound) {

    static PackLookup found(Outcome<Passport> passport, Outcome<SupplyApi.Pack> genealogy) {
        return new PackLookup(passport, genealogy, null);
    }

    static PackLookup none(String why) {
        return new PackLookup(null, null, why);
    }
}
