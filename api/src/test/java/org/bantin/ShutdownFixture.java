package org.bantin;

import org.bantin.database.DatabaseSetup;

/**
 * BantinMain without the API, for a child JVM: the database set up and the shutdown bound installed just as there.
 * With argument {@code hang}, one more shutdown hook never ends.
 */
public class ShutdownFixture {

    public static void main(String... args) throws InterruptedException {
        ShutdownBound.install(DatabaseSetup::stop);
        DatabaseSetup.prepare();
        if (args.length > 0 && args[0].equals("hang")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException ignored) {
                        // hangs all the same
                    }
                }
            }));
        }
        System.out.println("ready");
        Thread.sleep(Long.MAX_VALUE);
    }
}
