package com.busanev.kit.webhook;

import com.busanev.events.EventType;
import com.busanev.events.Nullable;
import com.busanev.kit.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents the webhooks a service sends in the OpenAPI 3.1 {@code webhooks} section: one entry per event type
 * offered ({@code kit.webhooks.event-types}), a POST whose body is the structured CloudEvent with the event's payload
 * schema as {@code data} (the schemas are built from the event records, as the AsyncAPI document's are), and the
 * signature headers. A service without webhooks gets nothing. It also gives every operation of the webhook API
 * ({@link WebhookResource}) its problem responses, once here rather than on each method.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class WebhookOpenApiFilter implements OASFilter {
    private static final String SCHEMAS = "#/components/schemas/";
    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "A field or parameter that cannot be used, each named in violations",
            "401", "No valid token",
            "403", "The token's roles do not allow this",
            "404", "No such subscription (or delivery) of the caller's");
    /** Quarkus's name for the service's bearer-token scheme (quarkus.smallrye-openapi.security-scheme-name). */
    private static final String BEARER_SCHEME = "SecurityScheme";
    /** The webhooks' own scheme: the partner checks the signature header, there is no token. */
    private static final String SIGNATURE_SECURITY = "WebhookSignature";
    private static final String SIGNATURE_SCHEME = "Signed per Standard Webhooks (docs/partner-integration.md): "
            + "base64 HMAC-SHA256, under the subscription's secret (whsec_<base64 key>), of "
            + "'<webhook-id>.<webhook-timestamp>.<raw body>'. Answer 2xx within 10 s; anything else is retried with "
            + "back-off (5 s, 5 min, 30 min, 2 h, 5 h, then every 10 h) for 3 days, then the subscription is disabled. "
            + "Deliveries of one order (or supply week/region) come one at a time, in order.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        var config = ConfigProvider.getConfig();
        if (!config.getOptionalValue("kit.webhooks.enabled", Boolean.class).orElse(false)) {
            return;
        }
        Set<String> names = new TreeSet<>(config.getOptionalValues("kit.webhooks.event-types", String.class).orElse(List.of()));
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        problemResponses(openAPI);
        components.addSecurityScheme(SIGNATURE_SECURITY, OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.APIKEY)
                .in(org.eclipse.microprofile.openapi.models.security.SecurityScheme.In.HEADER)
                .name(WebhookSignature.SIGNATURE_HEADER).description(SIGNATURE_SCHEME));
        for (String name : names) {
            WebhookEventTypes.byName(name).ifPresent(type -> openAPI.addWebhook(type.eventName(), webhook(type, components)));
        }
    }

    private static void problemResponses(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(WebhookResource.PATH)) {
                // roles are checked in the resource per service, so Quarkus cannot derive the requirement: a token, always
                item.getOperations().values().forEach(operation -> operation.setSecurity(List.of(
                        OASFactory.createSecurityRequirement().addScheme(BEARER_SCHEME))));
                item.getOperations().values().forEach(operation -> PROBLEMS.forEach((status, description) -> {
                    if (operation.getResponses().getAPIResponse(status) == null) {
                        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse()
                                .description(description)
                                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                        OASFactory.createMediaType().schema(ref(Problem.class.getSimpleName())))));
                    }
                }));
            }
        });
    }

    private static org.eclipse.microprofile.openapi.models.PathItem webhook(EventType type, Components components) {
        Schema envelope = object()
                .description("The " + type.eventName() + " event as a structured CloudEvent (CloudEvents 1.0, JSON)")
                .addProperty("specversion", string().addEnumeration("1.0"))
                .addProperty("id", string().description("The event id; also the webhook-id header"))
                .addProperty("source", string().description("The producing service, e.g. /production-service"))
                .addProperty("type", string().addEnumeration(type.ceType()))
                .addProperty("subject", string().description("The order id, or <ISO week>/<region> of a supply event"))
                .addProperty("time", string().format("date-time"))
                .addProperty("datacontenttype", string().addEnumeration("application/json"))
                .addProperty("data", ref(schema(type.payloadType(), components)))
                .required(List.of("specversion", "id", "source", "type", "time", "data"));
        var operation = OASFactory.createOperation()
                .operationId("webhook" + type.eventName())
                .summary(type.eventName() + " of one of your orders or contracts")
                .description(SIGNATURE_SCHEME)
                .security(List.of(OASFactory.createSecurityRequirement().addScheme(SIGNATURE_SECURITY)))
                .addParameter(header(WebhookSignature.ID_HEADER, "The event id: the same on every retry and redelivery; dedupe on it"))
                .addParameter(header(WebhookSignature.TIMESTAMP_HEADER, "Epoch seconds of this attempt; refuse one far from now (replays)"))
                .addParameter(header(WebhookSignature.SIGNATURE_HEADER, "'v1,<base64 signature>', space-separated, one per live "
                        + "secret (two during a secret rotation): accept the request if any one matches"))
                .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                        .addMediaType(StructuredCloudEvent.MEDIA_TYPE, OASFactory.createMediaType().schema(envelope))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("2XX", OASFactory.createAPIResponse().description("Received; anything else is retried")));
        return OASFactory.createPathItem().POST(operation);
    }

    private static Parameter header(String name, String description) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(true).description(description)
                .schema(string());
    }

    /** The record's schema, registered under its simple name (an existing one, e.g. from the REST API, is kept). */
    private static String schema(Class<?> record, Components components) {
        String name = record.getSimpleName();
        if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
            Schema schema = object();
            for (RecordComponent component : record.getRecordComponents()) {
                schema.addProperty(component.getName(), typeOf(component.getGenericType(), components));
                if (!component.isAnnotationPresent(Nullable.class)) {
                    schema.addRequired(component.getName());
                }
            }
            components.addSchema(name, schema);
        }
        return name;
    }

    private static Schema typeOf(Type type, Components components) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            return OASFactory.createSchema().addType(SchemaType.ARRAY)
                    .items(typeOf(parameterized.getActualTypeArguments()[0], components));
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return string();
        }
        if (raw == UUID.class) {
            return string().format("uuid");
        }
        if (raw == Instant.class) {
            return string().format("date-time");
        }
        if (raw == LocalDate.class) {
            return string().format("date");
        }
        if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            return OASFactory.createSchema().addType(SchemaType.INTEGER);
        }
        if (raw == double.class || raw == Double.class) {
            return OASFactory.createSchema().addType(SchemaType.NUMBER);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return OASFactory.createSchema().addType(SchemaType.BOOLEAN);
        }
        if (raw.isEnum()) {
            return string().enumeration(Arrays.stream(raw.getEnumConstants()).map(Object::toString).map(Object.class::cast).toList());
        }
        if (raw.isRecord()) {
            return ref(schema(raw, components));
        }
        throw new IllegalArgumentException("no schema mapping for " + type + " of an event record");
    }

    private static Schema object() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(SCHEMAS + name);
    }
}
