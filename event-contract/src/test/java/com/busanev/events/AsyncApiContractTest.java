package com.busanev.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/asyncapi.json is generated from the records; a record changed without regenerating fails here. */
class AsyncApiContractTest {
    private static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.json");

    @Test
    void documentMatchesTheRecords() throws Exception {
        String generated = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .writeValueAsString(AsyncApiDocument.build()) + "\n";
        if (Boolean.getBoolean("contract.write")) {
            Files.writeString(DOCUMENT, generated);
        }
        assertThat(DOCUMENT).as("run ./mvnw -pl event-contract test -Dcontract.write=true").exists();
        assertThat(Files.readString(DOCUMENT))
                .as("docs/asyncapi.json is stale: run ./mvnw -pl event-contract test -Dcontract.write=true")
                .isEqualTo(generated);
    }
}
