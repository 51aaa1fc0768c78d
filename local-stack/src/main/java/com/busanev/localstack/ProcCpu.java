package com.busanev.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the cores went, from Linux's {@code /proc}: a JVM's CPU time by the kind of thread that used it, a process
 * tree's (PostgreSQL's: the postmaster and its backends, with the backends that have ended), and how busy the machine
 * was. The flow on two cores is CPU-bound, so what a change saves anywhere shows here first.
 */
final class ProcCpu {
    /** Linux reports CPU time in clock ticks of USER_HZ, 100 a second on every architecture the JDK runs on. */
    private static final long TICKS_PER_SECOND = 100;
    /** In /proc/[pid]/stat after the command name's closing parenthesis: fields 3 onwards, so utime (14) is at 11. */
    private static final int UTIME = 11;
    private static final int STIME = 12;
    private static final int CUTIME = 13;
    private static final int CSTIME = 14;

    /** A JVM's threads by what they do, told by the names HotSpot, Vert.x, SmallRye and Kafka give them. */
    enum ThreadKind {
        JIT("JIT compilers", "C1 CompilerThre", "C2 CompilerThre"),
        /** The VM thread runs the safepoints, with the parallel collector mostly its collections. */
        COLLECTOR("collector", "GC Thread", "G1 ", "VM Thread"),
        EVENT_LOOPS("event loops", "vert.x-eventloo"),
        KAFKA_CONSUMERS("Kafka consumers", "smallrye-kafka-"),
        KAFKA_PRODUCERS("Kafka producers", "kafka-producer-"),
        OTHER("other");

        final String label;
        private final List<String> namePrefixes;

        ThreadKind(String label, String... namePrefixes) {
            this.label = label;
            this.namePrefixes = List.of(namePrefixes);
        }

        /** The kind of a thread of this name (Linux keeps a thread's first 15 characters). */
        static ThreadKind of(String name) {
            for (ThreadKind kind : values()) {
                if (kind.namePrefixes.stream().anyMatch(name::startsWith)) {
                    return kind;
                }
            }
            return OTHER;
        }
    }

    private final Path proc;

    ProcCpu(Path proc) {
        this.proc = proc;
    }

    static ProcCpu linux() {
        return new ProcCpu(Path.of("/proc"));
    }

    /**
     * The process's CPU time by thread kind; the process's total less its live threads' goes to {@link ThreadKind#OTHER}
     * (threads that have ended). Empty where there is no such process.
     */
    Map<ThreadKind, Duration> byThreadKind(long pid) throws IOException {
        Map<ThreadKind, Duration> kinds = new EnumMap<>(ThreadKind.class);
        Path process = proc.resolve(String.valueOf(pid));
        if (!Files.isDirectory(process)) {
            return kinds;
        }
        long total = Stat.of(process.resolve("stat")).ticks(UTIME, STIME);
        long counted = 0;
        try (Stream<Path> tasks = Files.list(process.resolve("task"))) {
            for (Path task : tasks.toList()) {
                Stat thread = Stat.of(task.resolve("stat"));
                long used = thread.ticks(UTIME, STIME);
                kinds.merge(ThreadKind.of(thread.name()), duration(used), Duration::plus);
                counted += used;
            }
        }
        kinds.merge(ThreadKind.OTHER, duration(Math.max(0, total - counted)), Duration::plus);
        return kinds;
    }

    /** CPU time of the process and every live descendant, each with its reaped children's (ended backends'). */
    Duration withDescendants(long pid) throws IOException {
        long used = Stat.of(proc.resolve(String.valueOf(pid)).resolve("stat")).ticks(UTIME, STIME, CUTIME, CSTIME);
        for (long child : ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).mapToLong(ProcessHandle::pid).toArray()) {
            used += Stat.of(proc.resolve(String.valueOf(child)).resolve("stat")).ticks(UTIME, STIME, CUTIME, CSTIME);
        }
        return duration(used);
    }

    /**
     * The machine's busy and total ticks so far (all cores), from the first line of /proc/stat: busy is user, nice,
     * system, irq and softirq time; the total adds idle, iowait and steal (time a hypervisor gave to others). Guest
     * time is counted in user already.
     */
    MachineTicks machine() throws IOException {
        String[] fields = Files.readAllLines(proc.resolve("stat")).get(0).trim().split("\\s+");
        long busy = field(fields, 1) + field(fields, 2) + field(fields, 3) + field(fields, 6) + field(fields, 7);
        return new MachineTicks(busy, busy + field(fields, 4) + field(fields, 5) + field(fields, 8));
    }

    private static long field(String[] fields, int index) {
        return index < fields.length ? Long.parseLong(fields[index]) : 0;
    }

    /** Busy and all ticks of the machine's cores; the difference of two readings is a period's busy share. */
    record MachineTicks(long busy, long all) {
        double busyShareSince(MachineTicks earlier) {
            long all = this.all - earlier.all;
            return all == 0 ? 0 : (double) (busy - earlier.busy) / all;
        }
    }

    /**
     * A /proc/[pid]/stat line read once: the command name (which may hold spaces and parentheses itself) and the
     * fields after it; a file that is gone (a thread or process that just ended) reads as no name and no fields.
     */
    private record Stat(String name, String[] fields) {
        static Stat of(Path file) throws IOException {
            String line;
            try {
                line = Files.readString(file).trim();
            } catch (NoSuchFileException gone) {
                return new Stat("", new String[0]);
            }
            int nameEnd = line.lastIndexOf(')');
            return new Stat(line.substring(line.indexOf('(') + 1, nameEnd), line.substring(nameEnd + 2).trim().split(" "));
        }

        /** The sum of these fields, 0 for a file that was gone. */
        long ticks(int... indexes) {
            if (fields.length == 0) {
                return 0;
            }
            long sum = 0;
            for (int index : indexes) {
                sum += Long.parseLong(fields[index]);
            }
            return sum;
        }
    }

    private static Duration duration(long ticks) {
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }
}
