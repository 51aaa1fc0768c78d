package com.busanev.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.busanev.localstack.ProcCpu.ThreadKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the cores went, read from a /proc laid out as Linux lays it out. */
class ProcCpuTest {
    private static final long PID = 4242;

    @TempDir
    Path proc;

    @Test
    void sortsAJvmsThreadsByWhatTheyDoAndGivesEndedThreadsToOther() throws IOException {
        // the process: 30 s of user and 5 s of system time (100 ticks a second), of which its live threads used 32 s
        stat(proc.resolve(PID + "/stat"), "java", 3000, 500);
        thread(1, "C2 CompilerThre", 900, 100);
        thread(2, "C1 CompilerThre", 200, 0);
        thread(3, "GC Thread#1", 400, 50);
        thread(4, "VM Thread", 50, 0);
        thread(5, "vert.x-eventloo", 600, 100);
        thread(6, "smallrye-kafka-", 500, 0);
        thread(7, "kafka-producer-", 100, 0);
        thread(8, "executor-thread", 100, 0);
        // a name with a space and a parenthesis of its own: the fields start after the last ')'
        thread(9, "pool (1) x", 0, 0);

        Map<ThreadKind, Duration> kinds = new ProcCpu(proc).byThreadKind(PID);

        assertThat(kinds).containsEntry(ThreadKind.JIT, Duration.ofSeconds(12))
                .containsEntry(ThreadKind.COLLECTOR, Duration.ofMillis(5000))
                .containsEntry(ThreadKind.EVENT_LOOPS, Duration.ofSeconds(7))
                .containsEntry(ThreadKind.KAFKA_CONSUMERS, Duration.ofSeconds(5))
                .containsEntry(ThreadKind.KAFKA_PRODUCERS, Duration.ofSeconds(1))
                // the executor thread's 1 s, and the 4 s of threads that have ended
                .containsEntry(ThreadKind.OTHER, Duration.ofSeconds(5));
        assertThat(kinds.values().stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(35));
    }

    @Test
    void aProcessThatIsGoneUsedNothing() throws IOException {
        assertThat(new ProcCpu(proc).byThreadKind(PID)).isEmpty();
    }

    @Test
    void theMachinesBusyShareOfAPeriodLeavesIdleIowaitAndStealOut() throws IOException {
        ProcCpu cpu = new ProcCpu(proc);
        Files.writeString(proc.resolve("stat"), "cpu  1000 0 200 5000 100 0 50 10 0 0\ncpu0 1 2 3 4 5 6 7 8 9 10\n");
        ProcCpu.MachineTicks before = cpu.machine();
        // then 150 ticks of user, 20 system, 10 softirq, 15 idle, 5 iowait: 180 busy of 200
        Files.writeString(proc.resolve("stat"), "cpu  1150 0 220 5015 105 0 60 10 0 0\n");

        assertThat(cpu.machine().busyShareSince(before)).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void aLiveProcessCountsWithTheChildrenItReaped() throws IOException {
        long self = ProcessHandle.current().pid();
        // utime, stime, cutime, cstime: 1 + 2 + 3 + 4 s; this JVM has no child processes
        Path stat = proc.resolve(self + "/stat");
        Files.createDirectories(stat.getParent());
        Files.writeString(stat, self + " (java) S 1 1 1 0 -1 0 0 0 0 0 100 200 300 400 20 0 1 0\n");

        assertThat(new ProcCpu(proc).withDescendants(self)).isEqualTo(Duration.ofSeconds(10));
    }

    private void thread(int tid, String name, long utime, long stime) throws IOException {
        stat(proc.resolve(PID + "/task/" + tid + "/stat"), name, utime, stime);
    }

    /** A stat line: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ... */
    private static void stat(Path file, String name, long utime, long stime) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, PID + " (" + name + ") S 1 1 1 0 -1 0 0 0 0 0 " + utime + " " + stime + " 0 0 20 0 1 0\n");
    }
}
