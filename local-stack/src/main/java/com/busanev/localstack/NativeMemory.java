package com.busanev.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a service's resident memory goes, by the JVM's own account: Native Memory Tracking's summary (committed
 * memory per category, read with {@code jcmd <pid> VM.native_memory summary}) next to the resident set the kernel
 * reports. A service tracks only when started with {@link #TRACKING}; what the resident set holds beyond the
 * tracked total is memory the JVM does not account for (the C library's free lists, the JVM's own code).
 */
record NativeMemory(long rssMiB, long committedMiB, Map<String, Long> categoriesMiB) {
    /** The JVM option that turns tracking on (a few per cent of CPU, about 10 MiB of its own). */
    static final String TRACKING = "-XX:NativeMemoryTracking=summary";
    private static final Pattern TOTAL = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern CATEGORY = Pattern.compile("-\\s+(\\S[^(]*?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)");

    /** The summary of the JVM with this pid, or an exception saying why it could not be read. */
    static NativeMemory of(long pid, long rssMiB) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "VM.native_memory", "summary")
                .redirectErrorStream(true).start();
        String summary = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher total = TOTAL.matcher(summary);
        if (!total.find()) {
            throw new IOException("no native memory summary from pid " + pid + " (started without " + TRACKING
                    + "?): " + summary.strip());
        }
        Map<String, Long> categories = new LinkedHashMap<>();
        Matcher category = CATEGORY.matcher(summary);
        while (category.find()) {
            categories.put(category.group(1), Long.parseLong(category.group(2)) / 1024);
        }
        return new NativeMemory(rssMiB, Long.parseLong(total.group(1)) / 1024, categories);
    }

    /** One line: resident, tracked, untracked, then the categories of at least 1 MiB, largest first. */
    String brief() {
        String largest = categoriesMiB.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "));
        return String.format("RSS %d MiB, tracked %d, untracked %d: %s", rssMiB, committedMiB, rssMiB - committedMiB,
                largest);
    }
}
