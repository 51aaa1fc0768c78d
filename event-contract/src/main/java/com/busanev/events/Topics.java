package com.busanev.events;

/** One topic per producing service; records are keyed by {@link DomainEvent#subject()}. */
public final class Topics {
    public static final String ORDER_EVENTS = "order-events";
    public static final String PRODUCTION_EVENTS = "production-events";
    public static final String SUPPLIER_EVENTS = "supplier-events";
    public static final String LOGISTICS_EVENTS = "logistics-events";

    private Topics() {
    }

    /** Dead-letter topic of one consuming service, e.g. {@code order-service.dlq}. */
    public static String deadLetter(String consumerService) {
        return consumerService + ".dlq";
    }
}
