package com.busanev.kit.ops;

import com.busanev.events.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Every service's parked events, through its own API (the kit's, so one implementation): read-only, for the viewer
 * role, which already reads every organisation's data; the answer names rows and records, never their payloads.
 */
@Path("/api/v1/ops/parked")
@Tag(name = "Operations", description = "What of the service's messaging waits for an operator")
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false)
public class ParkedEventsResource {
    private final ParkedEventsReader reader;

    ParkedEventsResource(ParkedEventsReader reader) {
        this.reader = reader;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "listParkedEvents", summary = "Outbox rows Kafka refused and records dead-lettered",
            description = "The outbox rows Kafka refused, still unpublished: PARKED ones wait for an operator (fix the "
                    + "cause, then unpark: docs/architecture.md, Operations), RETRYING ones are retried with back-off; "
                    + "latest first, with their total. The service's dead-letter topic (<service>.dlq): how many records "
                    + "it holds and the latest, each with its origin and reason (re-drive with ./dead-letters.sh). If the "
                    + "broker does not answer in time, deadLetters.unavailable says so and the outbox part still answers.")
    public Uni<ParkedEvents> parked() {
        return reader.read();
    }
}
