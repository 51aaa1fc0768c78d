package com.busanev.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** Partners see JSON paths of the offending values, not Java method and argument names. */
class ViolationFieldTest {
    record Item(@NotBlank String market, @Min(0) int priority) {
    }

    record Batch(@NotNull @Valid List<Item> items, List<@NotBlank String> packs) {
    }

    private final Validator validator = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void nestedListElementsAreAddressedByIndex() {
        Batch batch = new Batch(List.of(new Item("US", 0), new Item(" ", -1)), List.of("PLUS", ""));
        assertThat(validator.validate(batch)).extracting(ProblemMappers::fieldOf)
                .containsExactlyInAnyOrder("items[1].market", "items[1].priority", "packs[1]");
    }

    @Test
    void aMissingListIsTheFieldItself() {
        assertThat(validator.validate(new Batch(null, List.of()))).extracting(ProblemMappers::fieldOf)
                .containsExactly("items");
    }
}
