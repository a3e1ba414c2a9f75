package io.metering.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU seconds spent by the processes of a benchmark, from {@code /proc/<pid>/stat}: what bounds
 * throughput when client, service and database share two cores. A PostgreSQL server is counted as
 * its postmaster with everything it reaped ({@code cutime}, {@code cstime}: ended backends) plus its
 * live children.
 */
final class Cpu {
    private static final double TICKS = 100.0; // USER_HZ on Linux

    private Cpu() {}

    /** CPU seconds of one process; with {@code reaped}, also of its ended, waited-for children. */
    static double seconds(long pid, boolean reaped) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after the name start at state (3): utime 14, stime 15, cutime 16, cstime 17
            double own = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            double children = reaped ? Long.parseLong(f[13]) + Long.parseLong(f[14]) : 0;
            return (own + children) / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended
        }
    }

    /**
     * CPU seconds of a JVM's JIT compiler threads ({@code C1 CompilerThre...}, {@code C2 CompilerThre...}
     * in {@code /proc/<pid>/task/<tid>/comm}) by thread id: the part of its CPU that is compiling, not
     * serving. The JVM starts and ends compiler threads as its queue demands, so compare two of these
     * with {@link #compilerSince}, not their sums.
     */
    static Map<Long, Double> compiler(long pid) {
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).contains("CompilerThre");
                } catch (IOException e) {
                    return false; // the thread ended
                }
            }).map(t -> Long.parseLong(t.getFileName().toString()))
                    .collect(Collectors.toMap(tid -> tid, tid -> seconds(pid, tid)));
        } catch (IOException e) {
            return Map.of(); // the process ended
        }
    }

    /**
     * Compiler CPU seconds spent between two {@link #compiler} readings: a thread started since
     * counts whole; a thread ended since is not counted (a lower bound, never negative).
     */
    static double compilerSince(Map<Long, Double> before, Map<Long, Double> after) {
        return after.entrySet().stream().mapToDouble(e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0)).sum();
    }

    /** CPU seconds of one thread of a process. */
    private static double seconds(long pid, long tid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "task", String.valueOf(tid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A PostgreSQL server: its postmaster, what it reaped, and its live backends. */
    static double server(long postmasterPid) {
        double total = seconds(postmasterPid, true);
        try (Stream<ProcessHandle> children = ProcessHandle.of(postmasterPid).stream().flatMap(ProcessHandle::children)) {
            total += children.mapToDouble(p -> seconds(p.pid(), false)).sum();
        }
        return total;
    }

    /** The postmaster listening for a data directory's server: the first line of {@code postmaster.pid}. */
    static long postmaster(Path dataDirectory) throws IOException {
        List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
        return Long.parseLong(lines.get(0).trim());
    }

    /** This JVM. */
    static double self() {
        return seconds(ProcessHandle.current().pid(), false);
    }
}
