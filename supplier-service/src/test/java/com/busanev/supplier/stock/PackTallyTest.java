package com.busanev.supplier.stock;

import static com.busanev.supplier.SupplierApi.PROCUREMENT;
import static com.busanev.supplier.SupplierApi.TODAY;
import static com.busanev.supplier.SupplierApi.as;
import static com.busanev.supplier.SupplierApi.buildIn;
import static com.busanev.supplier.SupplierApi.contract;
import static com.busanev.supplier.SupplierApi.delivery;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The tally of packs by contract and status follows every kind of change to the packs, and a fold changes no count. */
@QuarkusTest
class PackTallyTest {
    private static final String COUNTED = "SELECT status, count(*) FROM pack WHERE contract_id = CAST(?1 AS uuid) GROUP BY status";
    private static final String TALLIED = """
            SELECT status, sum(packs) FROM pack_tally WHERE contract_id = CAST(?1 AS uuid)
            GROUP BY status HAVING sum(packs) <> 0""";
    private static final String ROWS = "SELECT count(*) FROM pack_tally WHERE contract_id = CAST(?1 AS uuid)";

    @Inject
    PackTally tally;

    @Test
    void theTallyFollowsDeliveriesReceiptsMissingPacksAndConsumptionAndAFoldKeepsIt() throws Throwable {
        // No commitment and the highest price: other tests' cars take these packs last.
        String contract = contract("LGES", "ACTIVE", TODAY.minusDays(7).toString(), TODAY.plusYears(1).toString(), "0",
                "999.00", "USD", "KR", "50.0");
        as(PROCUREMENT).body(delivery(3, "TALY-000001", "TALY-000003", TODAY))
                .post("/api/v1/contracts/" + contract + "/deliveries").then().statusCode(201);
        String asn = as(PROCUREMENT).body(Map.of("expectedOn", TODAY.toString(),
                        "ranges", List.of(Map.of("from", "TALY-000011", "to", "TALY-000015"))))
                .post("/api/v1/contracts/" + contract + "/asns").then().statusCode(201).extract().path("id");
        assertThat(tallied(contract)).isEqualTo(Map.of("RECEIVED", 3L, "IN_TRANSIT", 5L)).isEqualTo(counted(contract));

        // two of the notice arrive and it is closed: the other three are missing
        as(PROCUREMENT).body(Map.of("receivedOn", TODAY.toString(), "serials", List.of("TALY-000011", "TALY-000012"),
                        "closing", true))
                .post("/api/v1/deliveries/" + asn + "/receipts").then().statusCode(200);
        buildIn(List.of("TALY-000001"));
        assertThat(tallied(contract)).isEqualTo(Map.of("RECEIVED", 4L, "MISSING", 3L, "CONSUMED", 1L))
                .isEqualTo(counted(contract));

        // the rest built in too: no stock left behind for other tests' weeks
        buildIn(List.of("TALY-000002", "TALY-000003", "TALY-000011", "TALY-000012"));
        assertThat(tallied(contract)).isEqualTo(Map.of("MISSING", 3L, "CONSUMED", 5L)).isEqualTo(counted(contract));
        assertThat(rows(contract)).as("rows appended, one per statement and status it changed").isGreaterThan(2);

        VertxContextSupport.subscribeAndAwait(tally::fold);
        assertThat(tallied(contract)).isEqualTo(counted(contract));
        assertThat(rows(contract)).as("one row per status after the fold").isEqualTo(2);
    }

    private static Map<String, Long> counted(String contract) throws Throwable {
        return byStatus(COUNTED, contract);
    }

    private static Map<String, Long> tallied(String contract) throws Throwable {
        return byStatus(TALLIED, contract);
    }

    private static Map<String, Long> byStatus(String sql, String contract) throws Throwable {
        List<Object[]> rows = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Object[].class).setParameter(1, contract).getResultList())));
        Map<String, Long> counts = new TreeMap<>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    private static long rows(String contract) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(ROWS, Long.class).setParameter(1, contract).getSingleResult())));
    }
}
