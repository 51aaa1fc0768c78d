package com.busanev.order.order;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Reads the list filters so that a bad value is a 400 that says what is expected: JAX-RS answers 404 for a
 * query parameter it cannot convert, which tells a partner nothing.
 */
@Provider
public class FilterParamConverters implements ParamConverterProvider {
    private static final ParamConverter<OrderStatus> STATUS = new Converter<>() {
        @Override
        public OrderStatus fromString(String value) {
            try {
                return OrderStatus.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("status '" + value + "' is not one of "
                        + Arrays.toString(OrderStatus.values()) + ".");
            }
        }
    };

    private static final ParamConverter<Instant> INSTANT = new Converter<>() {
        @Override
        public Instant fromString(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new BadRequestException("'" + value + "' is not an ISO-8601 instant like 2027-03-01T00:00:00Z.");
            }
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == OrderStatus.class) {
            return (ParamConverter<T>) STATUS;
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) INSTANT;
        }
        return null;
    }

    private abstract static class Converter<T> implements ParamConverter<T> {
        @Override
        public String toString(T value) {
            return value.toString();
        }
    }
}
