package com.busanev.logistics.web;

import com.busanev.logistics.shipment.ShipmentStatus;
import com.busanev.logistics.voyage.VoyageStatus;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads the list filters (status, orderId, voyage) so that a bad value is a 400 that says what is expected:
 * JAX-RS answers 404 for a query parameter it cannot convert, which tells a partner nothing. Path ids keep the
 * JAX-RS behaviour (a malformed id names no resource: 404).
 */
@Provider
public class FilterParamConverters implements ParamConverterProvider {
    private static final Set<Class<?>> STATUSES = Set.of(ShipmentStatus.class, VoyageStatus.class);

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (Arrays.stream(annotations).noneMatch(QueryParam.class::isInstance)) {
            return null;
        }
        if (STATUSES.contains(rawType)) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            return (ParamConverter<T>) converter(value -> Enum.valueOf(type, value),
                    "is not one of " + Arrays.toString(type.getEnumConstants()));
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(UUID::fromString, "is not a UUID");
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(Function<String, T> parse, String expectation) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                try {
                    return parse.apply(value);
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException("'" + value + "' " + expectation + ".");
                }
            }

            @Override
            public String toString(T value) {
                return value.toString();
            }
        };
    }
}
