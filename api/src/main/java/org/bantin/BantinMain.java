package org.bantin;

import org.bantin.database.DatabaseSetup;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Starts Bantin: first its database (the configured one, or an embedded one), then the API; stops them in reverse. */
@QuarkusMain
public class BantinMain {

    public static void main(String... args) {
        ShutdownBound.install(DatabaseSetup::stop);
        DatabaseSetup.prepare();
        Quarkus.run(args);
    }
}
