package com.busanev.logistics;

import static com.busanev.logistics.Fixtures.OPERATOR;
import static com.busanev.logistics.Fixtures.database;
import static com.busanev.logistics.Fixtures.now;
import static com.busanev.logistics.Fixtures.voyageBody;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A partner's system that hangs up while its request is being written (a timeout on its side, a restart): the write
 * is finished and committed all the same, so its retry with the same Idempotency-Key gets the stored answer. Had the
 * hang-up cancelled the request's pipeline, the transaction would be cut off under Hibernate Reactive (rolled back,
 * its connection possibly lost to the pool: quarkusio/quarkus#51576) and the service would log ERRORs for it.
 */
@QuarkusTest
class ClientGoneTest {

    @Test
    void aVoyageIsAddedWhenItsCallerHangsUpMidRequest() throws Exception {
        String code = "GONE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String body = voyageBody(code, "RO_RO", "USLGB", now().plus(30, ChronoUnit.DAYS), "\"capacityCars\":10");
        try (Connection operator = database()) {
            // Another transaction holds the voyage table, so the request waits in its insert for as long as it is held.
            operator.setAutoCommit(false);
            try (Statement lock = operator.createStatement()) {
                lock.execute("LOCK TABLE voyage IN SHARE ROW EXCLUSIVE MODE");
            }
            try (Socket partner = new Socket("localhost", RestAssured.port)) {
                OutputStream out = partner.getOutputStream();
                out.write(post(body).getBytes(StandardCharsets.UTF_8));
                out.flush();
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> insertsWaiting() > 0);
            }
            // The partner has hung up; give the service time to notice before the insert can go on.
            Thread.sleep(1_000);
            operator.rollback();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> voyages(code) == 1);
    }

    private static String post(String body) {
        return "POST /api/v1/voyages HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Authorization: Bearer " + OPERATOR + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Idempotency-Key: " + UUID.randomUUID() + "\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + "\r\n" + body;
    }

    /** Statements of other sessions waiting for a lock to insert a voyage. */
    private static int insertsWaiting() throws SQLException {
        return count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE 'insert into voyage%'");
    }

    private static int voyages(String code) throws SQLException {
        return count("SELECT count(*) FROM voyage WHERE code = ?", code);
    }

    private static int count(String sql, String... parameters) throws SQLException {
        try (Connection connection = database(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
