package org.onedoor.eligibility.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the CPU time used so far by this JVM and by the PostgreSQL server, so that a benchmark can report CPU per
 * request. That figure depends much less on other programs than latency does, because a process that waits for a
 * core uses no CPU time meanwhile. Linux only: the server's times come from {@code /proc}.
 */
final class CpuMeter {

    // NOTE: assumes the usual Linux USER_HZ of 100 ticks per second for the times in /proc/PID/stat.
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final ProcessHandle postmaster;

    private CpuMeter(ProcessHandle postmaster) {
        this.postmaster = postmaster;
    }

    /** Finds the PostgreSQL server process as the parent of its checkpointer. */
    static CpuMeter of(JdbcClient jdbc) {
        long checkpointer = jdbc.sql("SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'")
                .query(Long.class).single();
        ProcessHandle postmaster = ProcessHandle.of(checkpointer).flatMap(ProcessHandle::parent)
                .orElseThrow(() -> new IllegalStateException("No parent process of checkpointer " + checkpointer));
        return new CpuMeter(postmaster);
    }

    /** CPU time in nanoseconds, user and system together. */
    record Reading(long jvmNanos, long databaseNanos) {

        Reading since(Reading earlier) {
            return new Reading(jvmNanos - earlier.jvmNanos, databaseNanos - earlier.databaseNanos);
        }
    }

    Reading read() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new Reading(jvm, databaseNanos());
    }

    /**
     * Sums the server process's own time, the time of its children that have exited (which it has waited for), and
     * the time of its live children: the connections and background workers.
     */
    private long databaseNanos() {
        long ticks = ticks(postmaster.pid(), true);
        for (ProcessHandle child : postmaster.children().toList()) {
            ticks += ticks(child.pid(), false);
        }
        return ticks * NANOS_PER_TICK;
    }

    /** Reads utime and stime, and with {@code withChildren} also cutime and cstime, from /proc/PID/stat. */
    private static long ticks(long pid, boolean withChildren) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            // The process exited after it was listed; its time is now in its parent's cutime and cstime.
            return 0;
        }
        // Fields after the command name, which may contain spaces, start at the state (field 3).
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks;
    }
}
