package com.busanev.e2e;

import com.busanev.localstack.LocalStack;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The faults of one run, drawn from a seed: every service killed with SIGKILL and started again, the Kafka broker
 * restarted with its log kept, PostgreSQL restarted on its data; each once, in a random order, at a random moment
 * of the window. They happen one after the other: a fault that comes while the previous one is still recovering
 * waits for it.
 */
final class Faults {
    static final String KAFKA = "kafka";
    static final String POSTGRES = "postgres";

    /** One fault: what fails, and when, from the start of the run. */
    record Fault(String target, Duration at) {
    }

    private final List<Fault> plan;

    private Faults(List<Fault> plan) {
        this.plan = plan;
    }

    static Faults draw(Random random, Collection<String> services, Duration window) {
        List<String> targets = new ArrayList<>(services);
        targets.add(KAFKA);
        targets.add(POSTGRES);
        Collections.shuffle(targets, random);
        List<Fault> plan = new ArrayList<>();
        for (String target : targets) {
            plan.add(new Fault(target, Duration.ofMillis((long) (random.nextDouble() * window.toMillis()))));
        }
        plan.sort(Comparator.comparing(Fault::at));
        return new Faults(plan);
    }

    List<Fault> plan() {
        return plan;
    }

    /** Runs the plan from now; fails with the first fault the stack did not recover from. Interrupting it stops it. */
    void run(LocalStack stack, Consumer<String> out) throws InterruptedException {
        Instant start = Instant.now();
        for (Fault fault : plan) {
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), start.plus(fault.at())).toMillis()));
            Instant began = Instant.now();
            out.accept(String.format("+%5.1f s  plant %s  %s", seconds(start, began),
                    LocalDate.ofInstant(stack.plantNow(), ZoneId.of("Asia/Seoul")), describe(fault.target())));
            try {
                inflict(stack, fault.target());
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(fault.target() + " did not recover from its fault", e);
            }
            out.accept(String.format("+%5.1f s  %s is back after %.1f s", seconds(start, Instant.now()),
                    fault.target(), seconds(began, Instant.now())));
        }
    }

    private static void inflict(LocalStack stack, String target) throws Exception {
        switch (target) {
            case KAFKA -> stack.restartKafka();
            case POSTGRES -> stack.restartPostgres();
            default -> stack.restartService(target);
        }
    }

    private static String describe(String target) {
        return switch (target) {
            case KAFKA -> "restarting the Kafka broker (log kept)";
            case POSTGRES -> "restarting PostgreSQL (fast shutdown: connections cut, open transactions rolled back)";
            default -> "kill -9 " + target + ", then starting it again";
        };
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
