package org.bantin;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Background work of an instance: a task run on a daemon thread of its own, with a fixed delay between runs. */
public final class Periodic {

    private Periodic() {
    }

    /** Runs the task after initialDelay, then delay after each run ends, until the returned executor is shut down. */
    public static ScheduledExecutorService start(String threadName, long initialDelay, long delay, TimeUnit unit,
            Runnable task) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true); // never keeps the process from stopping
            return thread;
        });
        executor.scheduleWithFixedDelay(task, initialDelay, delay, unit);
        return executor;
    }
}
