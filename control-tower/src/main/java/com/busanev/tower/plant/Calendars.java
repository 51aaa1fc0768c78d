package com.busanev.tower.plant;

import com.busanev.tower.api.Outcome;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads and changes the plant calendar. A change applies the form's fields to the calendar in force and sends it
 * with If-Match set to the version the person read: if another planner saved meanwhile, production-service answers
 * 409 and the person sees it, rather than one change silently overwriting the other.
 */
@ApplicationScoped
public class Calendars {
    private final ProductionApi production;
    private final ObjectMapper json;

    Calendars(@RestClient ProductionApi production, ObjectMapper json) {
        this.production = production;
        this.json = json;
    }

    public Outcome<Calendar> current() {
        return Outcome.of(ProductionApi.SERVICE, () -> read(production.calendar()));
    }

    /** The saved calendar, or why not (a conflict, field violations, the service down). */
    public Outcome<Calendar> change(Calendar.Change change) {
        return Outcome.of(ProductionApi.SERVICE, () -> {
            ObjectNode document = production.calendar().readEntity(ObjectNode.class);
            number(document, "renaultReservedPerDay", change.renaultReservedPerDay());
            number(document, "evShareCap", change.evShareCap());
            number(document, "horizonWeeks", change.horizonWeeks());
            if (change.addsDowntime()) {
                ArrayNode downtime = document.get("downtime") instanceof ArrayNode list ? list : document.putArray("downtime");
                downtime.addObject().put("from", change.downtimeFrom()).put("to", change.downtimeTo())
                        .put("reason", change.downtimeReason());
            }
            return read(production.changeCalendar("\"" + change.version() + "\"", document));
        });
    }

    /** A number as typed; anything else goes as the text it is, and production-service names the field. */
    private static void number(ObjectNode document, String field, String typed) {
        if (typed == null || typed.isBlank()) {
            document.putNull(field);
            return;
        }
        try {
            document.put(field, new BigDecimal(typed.trim()));
        } catch (NumberFormatException notANumber) {
            document.put(field, typed);
        }
    }

    private Calendar read(Response response) {
        ObjectNode document = response.readEntity(ObjectNode.class);
        document.put("version", Integer.parseInt(response.getEntityTag().getValue()));
        try {
            return json.treeToValue(document, Calendar.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("production-service answered a calendar the tower cannot read", e);
        }
    }
}
