package dev.ecosystem.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The SDK's own background threads: one daemon thread each, so they never keep a host's JVM alive. */
public final class DaemonScheduler {
    private DaemonScheduler() {
    }

    /** A scheduler on one daemon thread named {@code name}; cancelled tasks leave its queue at once. */
    public static ScheduledExecutorService create(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
