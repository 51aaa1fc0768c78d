package com.busanev.kit.web;

import com.busanev.events.IsoWeek;
import com.busanev.kit.problem.Violation;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads list filters and paging (any enum, int, UUID, Instant, LocalDate, IsoWeek) so that a bad value is a 400 problem naming
 * the parameter and what it expects: JAX-RS answers 404 for a query parameter it cannot convert, which tells a
 * partner nothing. Path parameters keep the JAX-RS behaviour (a malformed id names no resource: 404).
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Optional<String> name = Arrays.stream(annotations).filter(QueryParam.class::isInstance)
                .map(a -> ((QueryParam) a).value()).findFirst();
        if (name.isEmpty()) {
            return null;
        }
        String parameter = name.get();
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            return (ParamConverter<T>) converter(parameter, value -> Enum.valueOf(type, value),
                    "is not one of " + Arrays.toString(type.getEnumConstants()), Enum::name);
        }
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) converter(parameter, Integer::valueOf, "is not a whole number",
                    String::valueOf);
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(parameter, UUID::fromString, "is not a UUID", UUID::toString);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(parameter, Instant::parse,
                    "is not an ISO-8601 instant like 2027-03-01T00:00:00Z", Instant::toString);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(parameter, LocalDate::parse, "is not a date like 2027-03-01",
                    LocalDate::toString);
        }
        if (rawType == IsoWeek.class) {
            return (ParamConverter<T>) converter(parameter, IsoWeek::parse, "is not an ISO week like 2027-W05",
                    IsoWeek::toString);
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String parameter, Function<String, T> parse, String expectation,
            Function<T, String> format) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                try {
                    return parse.apply(value);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new BadParameterException(parameter, "'" + value + "' " + expectation);
                }
            }

            @Override
            public String toString(T value) {
                return format.apply(value);
            }
        };
    }

    /** A WebApplicationException (so JAX-RS does not turn it into a 404) that names the parameter. */
    public static class BadParameterException extends BadRequestException {
        private final transient Violation violation;

        BadParameterException(String parameter, String message) {
            super(parameter + ": " + message + ".");
            this.violation = new Violation(parameter, message);
        }

        public Violation violation() {
            return violation;
        }
    }
}
