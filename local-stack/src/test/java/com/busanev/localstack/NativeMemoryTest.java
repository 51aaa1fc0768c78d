package com.busanev.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flow benchmark's memory breakdown, read from a real JVM with the JDK's jcmd. */
class NativeMemoryTest {

    @Test
    void readsTheCategoriesOfAJvmThatTracks() throws Exception {
        Process idle = startIdle(NativeMemory.TRACKING, "-Xmx64m");
        try {
            NativeMemory memory = NativeMemory.of(idle.pid(), 100);

            assertThat(memory.categoriesMiB()).containsKeys("Java Heap", "Class", "Thread", "Code", "GC");
            assertThat(memory.categoriesMiB().get("Java Heap")).isBetween(1L, 64L);
            assertThat(memory.committedMiB()).isGreaterThanOrEqualTo(memory.categoriesMiB().get("Java Heap"));
            assertThat(memory.brief()).startsWith("RSS 100 MiB, tracked " + memory.committedMiB() + ", untracked "
                    + (100 - memory.committedMiB()) + ": ").contains("Java Heap ");
        } finally {
            idle.destroy();
        }
    }

    @Test
    void saysSoWhenTheJvmDoesNotTrack() throws Exception {
        Process idle = startIdle("-Xmx64m");
        try {
            assertThatThrownBy(() -> NativeMemory.of(idle.pid(), 100)).isInstanceOf(IOException.class)
                    .hasMessageContaining(NativeMemory.TRACKING);
        } finally {
            idle.destroy();
        }
    }

    /** A JVM that says "ready" once its main runs (jcmd can attach from then on) and then waits to be stopped. */
    private static Process startIdle(String... options) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Idle.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"ready".equals(line)) {
            process.destroy();
            throw new IllegalStateException("the idle JVM did not start: " + line);
        }
        return process;
    }

    /** The idle JVM's main. */
    public static final class Idle {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
