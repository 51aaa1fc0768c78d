package com.busanev.order;

import static com.busanev.order.Fixtures.POLESTAR;
import static com.busanev.order.Fixtures.as;
import static com.busanev.order.Fixtures.order;
import static com.busanev.order.Fixtures.reference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Single orders placed at the same moment, some contending for one reference or one Idempotency-Key: each gets its
 * own answer, found by the unique constraints of its one-statement write and only then looked up.
 */
@QuarkusTest
class ConcurrentIntakeTest {

    @Test
    void ordersPlacedAtOnceAnswerEachOnTheirOwn() throws Exception {
        String contested = reference();
        String key = UUID.randomUUID().toString();
        String keyedBody = order(reference(), "US");
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String market = i % 2 == 0 ? "DE" : "US";
            calls.add(() -> as(POLESTAR).body(order(reference(), market)).post("/api/v1/orders"));
        }
        for (int i = 0; i < 5; i++) {
            calls.add(() -> as(POLESTAR).body(order(contested, "SE")).post("/api/v1/orders"));
            calls.add(() -> as(POLESTAR).header("Idempotency-Key", key).body(keyedBody).post("/api/v1/orders"));
        }
        ExecutorService clients = Executors.newFixedThreadPool(calls.size());
        List<Response> answers = new ArrayList<>();
        try {
            for (Future<Response> answer : clients.invokeAll(calls)) {
                answers.add(answer.get());
            }
        } finally {
            clients.shutdown();
        }

        assertThat(answers.subList(0, 30)).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(201));
        List<Response> contestedAnswers = new ArrayList<>();
        List<Response> keyedAnswers = new ArrayList<>();
        for (int i = 30; i < answers.size(); i += 2) {
            contestedAnswers.add(answers.get(i));
            keyedAnswers.add(answers.get(i + 1));
        }
        assertThat(contestedAnswers).extracting(Response::statusCode).containsOnly(201, 409)
                .filteredOn(status -> status == 201).hasSize(1);
        assertThat(keyedAnswers).extracting(Response::statusCode).containsOnly(201);
        assertThat(keyedAnswers).extracting(answer -> answer.header("Idempotency-Replayed"))
                .filteredOn("false"::equals).hasSize(1);
        assertThat(keyedAnswers.stream().map(answer -> answer.path("id").toString()).distinct()).hasSize(1);
        as(POLESTAR).queryParam("reference", contested).get("/api/v1/orders").then().body("totalItems", equalTo(1));
    }
}
