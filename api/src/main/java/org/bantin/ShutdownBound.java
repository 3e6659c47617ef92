package org.bantin;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.StartupEvent;

/**
 * The process ends within bantin.shutdown-timeout of a stop signal, whatever hangs: the API drains its requests
 * (quarkus.shutdown.timeout) and stops, then the database it started stops, and past the bound the JVM halts.
 */
@ApplicationScoped
public class ShutdownBound {

    // Until the configuration is read, e.g. when the signal comes while the database starts.
    private static volatile Duration bound = Duration.ofSeconds(10);

    @ConfigProperty(name = "bantin.shutdown-timeout")
    Duration configured;

    void configure(@Observes StartupEvent event) {
        bound = configured;
    }

    /**
     * At exit: starts the watchdog, waits for the API to stop, then runs afterApi. One hook, because the JVM runs hooks
     * all at once, and the database must outlive the requests that drain.
     */
    public static void install(Runnable afterApi) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            startWatchdog();
            Application api = Application.currentApplication();
            if (api != null) {
                api.awaitShutdown();
            }
            afterApi.run();
        }, "bantin-shutdown"));
    }

    private static void startWatchdog() {
        Duration limit = bound;
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("Bantin did not stop within " + limit.toMillis() + " ms of the stop signal: halting");
            Runtime.getRuntime().halt(1);
        }, "bantin-shutdown-watchdog");
        // A daemon, so that a JVM whose hooks are done exits without waiting for it.
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
