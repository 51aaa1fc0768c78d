package com.busanev.supplier.web;

import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import com.busanev.supplier.alert.ShortageAlertRecord;
import com.busanev.supplier.contract.ContractStatus;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the list filters (status, region, week) so that a bad value is a 400 problem naming the parameter and
 * what it expects: JAX-RS answers 404 for a query parameter it cannot convert, which tells a partner nothing.
 */
@Provider
public class FilterParamConverters implements ParamConverterProvider {
    private static final Set<Class<?>> ENUMS = Set.of(ContractStatus.class, ShortageAlertRecord.Status.class, Region.class);

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Optional<String> name = Arrays.stream(annotations).filter(QueryParam.class::isInstance)
                .map(a -> ((QueryParam) a).value()).findFirst();
        if (name.isEmpty()) {
            return null;
        }
        if (ENUMS.contains(rawType)) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            return (ParamConverter<T>) converter(name.get(), value -> Enum.valueOf(type, value),
                    "is not one of " + Arrays.toString(type.getEnumConstants()), Enum::name);
        }
        if (rawType == IsoWeek.class) {
            return (ParamConverter<T>) converter(name.get(), IsoWeek::parse, "is not an ISO week like 2027-W05",
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
                    throw new BadRequestException(parameter + ": '" + value + "' " + expectation + ".");
                }
            }

            @Override
            public String toString(T value) {
                return format.apply(value);
            }
        };
    }
}
