package com.busanev.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.busanev.events.IsoWeek;
import com.busanev.events.Region;
import com.busanev.kit.problem.Violation;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueryParamConvertersTest {
    private final QueryParamConverters converters = new QueryParamConverters();

    @Test
    void readsGoodValuesOfEveryFilterType() {
        assertThat(converters.getConverter(Region.class, Region.class, query("region")).fromString("EU"))
                .isEqualTo(Region.EU);
        assertThat(converters.getConverter(IsoWeek.class, IsoWeek.class, query("week")).fromString("2027-W05"))
                .isEqualTo(IsoWeek.parse("2027-W05"));
        assertThat(converters.getConverter(LocalDate.class, LocalDate.class, query("from")).fromString("2027-03-01"))
                .isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(converters.getConverter(int.class, int.class, query("page")).fromString("3")).isEqualTo(3);
    }

    @Test
    void aBadValueNamesTheParameterAndWhatItExpects() {
        assertThatThrownBy(() -> converters.getConverter(Region.class, Region.class, query("region")).fromString("Mars"))
                .isInstanceOfSatisfying(QueryParamConverters.BadParameterException.class, e -> {
                    assertThat(e.getResponse().getStatus()).isEqualTo(400);
                    assertThat(e.violation()).isEqualTo(new Violation("region", "'Mars' is not one of [NA, EU, KR]"));
                });
        assertThatThrownBy(() -> converters.getConverter(UUID.class, UUID.class, query("orderId")).fromString("42"))
                .isInstanceOfSatisfying(QueryParamConverters.BadParameterException.class,
                        e -> assertThat(e.violation().field()).isEqualTo("orderId"));
        assertThatThrownBy(() -> converters.getConverter(int.class, int.class, query("page")).fromString("abc"))
                .isInstanceOfSatisfying(QueryParamConverters.BadParameterException.class,
                        e -> assertThat(e.violation().message()).isEqualTo("'abc' is not a whole number"));
    }

    @Test
    void pathParametersKeepTheJaxRsBehaviour() {
        assertThat(converters.getConverter(UUID.class, UUID.class, new Annotation[] {path("id")})).isNull();
    }

    private static Annotation[] query(String name) {
        return new Annotation[] {new QueryParam() {
            @Override
            public String value() {
                return name;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return QueryParam.class;
            }
        }};
    }

    private static PathParam path(String name) {
        return new PathParam() {
            @Override
            public String value() {
                return name;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return PathParam.class;
            }
        };
    }
}
