package com.busanev.kit.locks;

/**
 * Every PostgreSQL advisory lock of the suite, in one place so no two features can pick the same id. Locks are
 * transaction-scoped ({@code pg_advisory_xact_lock}): they end with the transaction that took them.
 * <p>
 * A fixed lock is one bigint key. A keyed lock is a namespace: the two-int form {@code (id, hashtext(key))},
 * which PostgreSQL keeps in a key space apart from the bigint one, so a key's hash can never meet a fixed lock,
 * and two namespaces differ in their first int. Two keys of one namespace may share a hash: they then serialise
 * each other, which is slower, never wrong.
 */
public enum AdvisoryLock {
    /** production-service: planning transactions change the line plan one at a time across replicas. */
    LINE_PLANNING(7_340_001, false),
    /** Every service: one replica drains the outbox at a time, so an order's events reach Kafka in order. */
    OUTBOX_RELAY(7_340_002, false),
    /** supplier-service: allocation recomputes run one at a time across replicas. */
    SUPPLY_ALLOCATION(7_340_003, false),
    /** production-service: line sequences are stored (and frozen) one at a time across replicas. */
    LINE_SEQUENCING(7_340_004, false),
    /** supplier-service, keyed by supplier code: one supplier's delivery confirmations are checked one at a time. */
    SUPPLIER_DELIVERIES(7_340_101, true),
    /** supplier-service, keyed by contract id: one contract's delivery schedule revisions are issued one at a time. */
    DELIVERY_SCHEDULES(7_340_102, true),
    /**
     * logistics-service, keyed by order id: a built car and its battery passport arrive on different topics, in
     * concurrent transactions; each takes the order's lock before it reads what the other writes, so neither misses
     * the other.
     */
    SHIPMENT_PASSPORT(7_340_103, true);

    private final int id;
    private final boolean keyed;

    AdvisoryLock(int id, boolean keyed) {
        this.id = id;
        this.keyed = keyed;
    }

    /** The bigint key of a fixed lock, or the first int (the namespace) of a keyed one. */
    public int id() {
        return id;
    }

    public boolean keyed() {
        return keyed;
    }

    /** Waits for this fixed lock until the caller's transaction ends. */
    public String xactLock() {
        return "SELECT pg_advisory_xact_lock(" + fixedId() + ")";
    }

    /** Takes this fixed lock for the caller's transaction if free; the query returns whether it did. */
    public String tryXactLock() {
        return "SELECT pg_try_advisory_xact_lock(" + fixedId() + ")";
    }

    /**
     * Waits for the lock of one key of this namespace; {@code keyParameter} is the query's placeholder for the key
     * text ({@code ?1} in a Hibernate native query, {@code $1} in a Vert.x SQL client query).
     */
    public String xactLock(String keyParameter) {
        if (!keyed) {
            throw new IllegalStateException(this + " is a fixed lock, it takes no key");
        }
        return "SELECT pg_advisory_xact_lock(" + id + ", hashtext(" + keyParameter + "))";
    }

    /**
     * Waits for the locks of many keys of this namespace in one statement; {@code keysParameter} is the query's
     * placeholder for a {@code text[]} of the keys. The locks are taken in the order of their hashes, so two
     * transactions locking overlapping sets of keys do not deadlock.
     */
    public String xactLocks(String keysParameter) {
        if (!keyed) {
            throw new IllegalStateException(this + " is a fixed lock, it takes no key");
        }
        return "SELECT pg_advisory_xact_lock(" + id + ", h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest(cast("
                + keysParameter + " AS text[])) AS k ORDER BY h) AS hashes";
    }

    private int fixedId() {
        if (keyed) {
            throw new IllegalStateException(this + " is a namespace of keyed locks: name the key");
        }
        return id;
    }
}
