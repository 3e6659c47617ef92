package org.bantin.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A main class of the tests' classpath run in a JVM of its own, its output (stdout and stderr) gathered. */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final StringBuilder output = new StringBuilder();
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        reader = new Thread(this::gather, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts main with the given environment variables and JVM options, and none of the datasource settings. */
    public static ChildJvm start(Class<?> main, Map<String, String> environment, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add(main.getName());
        command.addAll(List.of(args));
        return run(command, environment);
    }

    private static ChildJvm run(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_DATASOURCE_"));
        builder.environment().putAll(environment);
        try {
            return new ChildJvm(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the packaged API (target/quarkus-app) with the given environment, and none of the datasource settings. */
    public static ChildJvm startApi(Map<String, String> environment) {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        return run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()),
                environment);
    }

    public Process process() {
        return process;
    }

    /** All it wrote so far; once it has exited, everything it wrote. */
    public String output() {
        if (!process.isAlive()) {
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (output) {
            return output.toString();
        }
    }

    /** Sends SIGTERM; unlike Process.destroy(), keeps reading what it writes while it stops. */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** Waits until the output has a line equal to line; fails if the JVM exits or the time runs out first. */
    public void awaitLine(String line, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (output) {
            while (!output.toString().lines().anyMatch(line::equals)) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new AssertionError("No line '" + line + "' from the child JVM; its output:\n" + output);
                }
                output.wait(100);
            }
        }
    }

    private void gather() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (output) {
                    output.append(line).append('\n');
                    output.notifyAll();
                }
            }
        } catch (IOException ended) {
            // the JVM is gone
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
