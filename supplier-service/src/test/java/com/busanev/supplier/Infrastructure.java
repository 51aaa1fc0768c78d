package com.busanev.supplier;

import com.busanev.testing.KafkaResource;
import com.busanev.testing.OidcResource;
import com.busanev.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The real servers every test of this module runs against, declared once. */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "supplier"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(OidcResource.class)
public final class Infrastructure {
    private Infrastructure() {
    }
}
