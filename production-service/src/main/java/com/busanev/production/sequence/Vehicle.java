package com.busanev.production.sequence;

import java.util.Arrays;
import java.util.List;

/**
 * A car to sequence: its ident, paint colour and, per ratio constraint of its problem (same index), whether it
 * carries that option. The options array is never modified after construction.
 */
public record Vehicle(String ident, String colour, boolean[] options) {
    public Vehicle {
        options = options.clone();
    }

    public boolean carries(int constraint) {
        return options[constraint];
    }

    /** Equal for cars with the same colour and options: one can take the other's place with no change in score. */
    Object kind() {
        return List.of(colour, Arrays.toString(options));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Vehicle v && v.ident.equals(ident) && v.colour.equals(colour)
                && Arrays.equals(v.options, options);
    }

    @Override
    public int hashCode() {
        return ident.hashCode();
    }

    @Override
    public String toString() {
        return "Vehicle[" + ident + ", " + colour + ", " + Arrays.toString(options) + "]";
    }
}
