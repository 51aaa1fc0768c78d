package com.busanev.e2e;

import com.busanev.events.EventType;
import com.busanev.localstack.LocalStack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the four services' databases say about a set of orders, read over JDBC: the state each service keeps
 * (orders, builds, shipments, pack demand), their outboxes and their inboxes. Each read opens its own connection,
 * so a read during a PostgreSQL restart fails alone and the next one works.
 */
final class ServiceDatabases {
    static final String ORDERS = "order-service";
    static final String PRODUCTION = "production-service";
    static final String LOGISTICS = "logistics-service";
    static final String SUPPLIER = "supplier-service";

    record OrderRow(UUID id, String market, String status, String vin, UUID voyageId) {
    }

    record BuildRow(UUID orderId, String status, String vin) {
    }

    record ShipmentRow(UUID orderId, String status, String vin, UUID voyageId) {
    }

    /** An event as its producer's outbox or its consumer's inbox holds it; type is the CloudEvents type. */
    record Event(String id, String type, String subject) {
        /** {@code com.busanev.VehicleBuilt.v1} -> {@code VehicleBuilt}, the name order-service's timeline uses. */
        String name() {
            return type.substring(EventType.TYPE_PREFIX.length(), type.length() - EventType.TYPE_VERSION.length());
        }
    }

    /** How far the orders are, for the progress line. */
    record Progress(long placed, long scheduled, long built, long booked, long cancelled, long arrived) {
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final LocalStack stack;

    ServiceDatabases(LocalStack stack) {
        this.stack = stack;
    }

    Map<UUID, OrderRow> orders(Collection<UUID> ids) throws SQLException {
        return byId(query(ORDERS, "SELECT id, market, status, vin, voyage_id FROM orders WHERE id = ANY(?)",
                row -> new OrderRow(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                        row.getObject(5, UUID.class)), ids), OrderRow::id);
    }

    Map<UUID, BuildRow> builds(Collection<UUID> ids) throws SQLException {
        return byId(query(PRODUCTION, "SELECT order_id, status, vin FROM build WHERE order_id = ANY(?)",
                row -> new BuildRow(row.getObject(1, UUID.class), row.getString(2), row.getString(3)), ids), BuildRow::orderId);
    }

    Map<UUID, ShipmentRow> shipments(Collection<UUID> ids) throws SQLException {
        return byId(query(LOGISTICS, "SELECT order_id, status, vin, voyage_id FROM shipment WHERE order_id = ANY(?)",
                row -> new ShipmentRow(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        row.getObject(4, UUID.class)), ids), ShipmentRow::orderId);
    }

    /**
     * What logistics-service says of these orders' shipments and their voyages, a line each, for a failure message:
     * an order stuck between the port and its destination is explained by its voyage's state against the plant clock.
     */
    List<String> shipping(Collection<UUID> ids) throws SQLException {
        return query(LOGISTICS, """
                SELECT s.order_id, s.status, s.mode, s.ready_at, v.code, v.status, v.departure, v.eta
                FROM shipment s LEFT JOIN voyage v ON v.id = s.voyage_id WHERE s.order_id = ANY(?) ORDER BY v.departure""",
                row -> String.format("%s shipment %s %s ready %s; voyage %s %s departs %s eta %s", row.getObject(1),
                        row.getString(2), row.getString(3), row.getTimestamp(4), row.getString(5), row.getString(6),
                        row.getTimestamp(7), row.getTimestamp(8)), ids);
    }

    /** Orders supplier-service counts as pack demand. */
    Set<UUID> demand(Collection<UUID> ids) throws SQLException {
        return new HashSet<>(query(SUPPLIER, "SELECT order_id FROM demand WHERE order_id = ANY(?)",
                row -> row.getObject(1, UUID.class), ids));
    }

    Progress progress(Collection<UUID> ids) throws SQLException {
        Map<String, Long> orders = countByStatus(ORDERS, "SELECT status, count(*) FROM orders WHERE id = ANY(?) GROUP BY status", ids);
        Map<String, Long> builds = countByStatus(PRODUCTION, "SELECT status, count(*) FROM build WHERE order_id = ANY(?) GROUP BY status", ids);
        Map<String, Long> shipments = countByStatus(LOGISTICS, "SELECT status, count(*) FROM shipment WHERE order_id = ANY(?) GROUP BY status", ids);
        return new Progress(orders.values().stream().mapToLong(Long::longValue).sum(),
                sum(builds, "SCHEDULED", "IN_PRODUCTION", "BUILT"), sum(builds, "BUILT"),
                sum(shipments, "BOOKED", "DEPARTED", "ARRIVED"), sum(orders, "CANCELLED"), sum(orders, "ARRIVED"));
    }

    /** The events a service wrote to its outbox about these orders (subject = order id; other subjects are weeks). */
    List<Event> outbox(String service, Collection<UUID> ids) throws SQLException {
        return query(service, "SELECT id::text, event_type, subject FROM outbox_event WHERE subject = ANY(?::text[])",
                row -> new Event(row.getString(1), row.getString(2), row.getString(3)), ids);
    }

    /** Every event a service wrote to its outbox. */
    List<Event> outbox(String service) throws SQLException {
        return query(service, "SELECT id::text, event_type, subject FROM outbox_event",
                row -> new Event(row.getString(1), row.getString(2), row.getString(3)), null);
    }

    /**
     * The ids of the events a service consumed, by CloudEvents type: its inbox, and for order-service also its
     * timeline, which is the tracker's record of the events it applied (it writes no inbox row for them).
     */
    Map<String, Set<String>> processed(String service) throws SQLException {
        Map<String, Set<String>> byType = new HashMap<>();
        List<Event> consumed = new ArrayList<>(query(service, "SELECT event_id, event_type, '' FROM processed_event",
                row -> new Event(row.getString(1), row.getString(2), row.getString(3)), null));
        if (service.equals(ORDERS)) {
            Map<String, String> ceTypes = new HashMap<>();
            for (EventType type : EventType.values()) {
                ceTypes.put(type.eventName(), type.ceType());
            }
            consumed.addAll(query(ORDERS, "SELECT event_id, event_type, '' FROM order_timeline",
                    row -> new Event(row.getString(1), ceTypes.get(row.getString(2)), row.getString(3)), null));
        }
        for (Event event : consumed) {
            byType.computeIfAbsent(event.type(), type -> new HashSet<>()).add(event.id());
        }
        return byType;
    }

    /** order-service's timeline of these orders, as events (subject = order id, type = event name). */
    List<Event> timeline(Collection<UUID> ids) throws SQLException {
        return query(ORDERS, "SELECT event_id, event_type, order_id::text FROM order_timeline WHERE order_id = ANY(?)",
                row -> new Event(row.getString(1), row.getString(2), row.getString(3)), ids);
    }

    /** Values of the query's single column, for checks that list what breaks a rule (duplicates and the like). */
    List<String> strings(String service, String sql) throws SQLException {
        return query(service, sql, row -> row.getString(1), null);
    }

    /** Webhook deliveries order-service still owes a partner. */
    long pendingWebhooks() throws SQLException {
        return count(ORDERS, "SELECT count(*) FROM webhook_delivery WHERE status = 'PENDING'");
    }

    /**
     * What holds the first pending deliveries, for an assertion's message: each one's event, attempts, next attempt,
     * last answer and whether its subscription is enabled.
     */
    List<String> pendingWebhookStates() throws SQLException {
        return query(ORDERS, "SELECT d.event_type, d.ordering_key, d.attempts, d.next_attempt_at, d.last_status_code, "
                + "d.last_error, s.enabled, s.disabled_reason FROM webhook_delivery d JOIN webhook_subscription s "
                + "ON s.id = d.subscription_id WHERE d.status = 'PENDING' ORDER BY d.seq LIMIT 10",
                row -> String.format("%s of %s: %d attempts, next %s, last %s %s; subscription %s%s", row.getString(1),
                        row.getString(2), row.getInt(3), row.getObject(4), row.getObject(5), row.getString(6),
                        row.getBoolean(7) ? "enabled" : "disabled", row.getString(8) == null ? "" : " (" + row.getString(8) + ")"),
                null);
    }

    /** The event ids in the timelines of these orders, by order. */
    Map<UUID, Set<String>> timelineEventIds(Collection<UUID> ids) throws SQLException {
        Map<UUID, Set<String>> events = new HashMap<>();
        for (Map.Entry<UUID, String> row : query(ORDERS, "SELECT order_id, event_id FROM order_timeline WHERE order_id = ANY(?)",
                row -> Map.entry(row.getObject(1, UUID.class), row.getString(2)), ids)) {
            events.computeIfAbsent(row.getKey(), order -> new HashSet<>()).add(row.getValue());
        }
        return events;
    }

    /** The brand of each of these orders that order-service knows. */
    Map<UUID, String> brands(Collection<UUID> ids) throws SQLException {
        Map<UUID, String> brands = new HashMap<>();
        for (Map.Entry<UUID, String> row : query(ORDERS, "SELECT id, brand FROM orders WHERE id = ANY(?)",
                row -> Map.entry(row.getObject(1, UUID.class), row.getString(2)), ids)) {
            brands.put(row.getKey(), row.getValue());
        }
        return brands;
    }

    /** Outbox rows not yet published (and not parked: those are counted by {@link #parked}). */
    long unpublished(String service) throws SQLException {
        return count(service, "SELECT count(*) FROM outbox_event WHERE " + unpublishedNotParked(service));
    }

    /** Ids of the outbox rows not yet published (nor parked) now. */
    List<UUID> unpublishedIds(String service) throws SQLException {
        return query(service, "SELECT id FROM outbox_event WHERE " + unpublishedNotParked(service),
                row -> row.getObject(1, UUID.class), null);
    }

    private String unpublishedNotParked(String service) throws SQLException {
        return "published_at IS NULL" + (hasParkedColumn(service) ? " AND parked_at IS NULL" : "");
    }

    /** Which of these outbox rows are still not published. */
    List<UUID> stillUnpublished(String service, Collection<UUID> ids) throws SQLException {
        return query(service, "SELECT id FROM outbox_event WHERE published_at IS NULL AND id = ANY(?)",
                row -> row.getObject(1, UUID.class), ids);
    }

    /**
     * Outbox rows the relay parked: rows it gave up publishing. The column comes with a later migration of the
     * kit; a database that does not have it yet has parked nothing.
     */
    long parked(String service) throws SQLException {
        return hasParkedColumn(service) ? count(service, "SELECT count(*) FROM outbox_event WHERE parked_at IS NOT NULL") : 0;
    }

    private boolean hasParkedColumn(String service) throws SQLException {
        return count(service, "SELECT count(*) FROM information_schema.columns "
                + "WHERE table_name = 'outbox_event' AND column_name = 'parked_at'") > 0;
    }

    private long count(String service, String sql) throws SQLException {
        return query(service, sql, row -> row.getLong(1), null).get(0);
    }

    private Map<String, Long> countByStatus(String service, String sql, Collection<UUID> ids) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        for (Map.Entry<String, Long> entry : query(service, sql, row -> Map.entry(row.getString(1), row.getLong(2)), ids)) {
            counts.put(entry.getKey(), entry.getValue());
        }
        return counts;
    }

    private static long sum(Map<String, Long> counts, String... statuses) {
        long sum = 0;
        for (String status : statuses) {
            sum += counts.getOrDefault(status, 0L);
        }
        return sum;
    }

    /** Runs a query with the ids as its one (array) parameter, or none when {@code ids} is null. */
    private <T> List<T> query(String service, String sql, RowReader<T> reader, Collection<UUID> ids) throws SQLException {
        try (Connection connection = stack.openDatabase(service);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (ids != null) {
                statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(reader.read(row));
                }
            }
            return rows;
        }
    }

    private static <T> Map<UUID, T> byId(List<T> rows, java.util.function.Function<T, UUID> id) {
        Map<UUID, T> byId = new HashMap<>();
        rows.forEach(row -> byId.put(id.apply(row), row));
        return byId;
    }
}
