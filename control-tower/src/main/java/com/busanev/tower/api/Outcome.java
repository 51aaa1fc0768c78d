package com.busanev.tower.api;

import java.util.function.Supplier;

/** A service's answer or why there is none, so one failed panel does not take the whole page down. */
public record Outcome<T>(T value, ApiError error) {

    public boolean failed() {
        return error != null;
    }

    public static <T> Outcome<T> of(String service, Supplier<T> call) {
        try {
            return new Outcome<>(call.get(), null);
        } catch (RuntimeException e) {
            return new Outcome<>(null, ApiError.of(service, e));
        }
    }
}
