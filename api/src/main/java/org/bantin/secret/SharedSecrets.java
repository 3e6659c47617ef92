package org.bantin.secret;

import java.security.SecureRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Server keys kept in the database (table secrets), so that every instance uses the same ones without configuration. */
@ApplicationScoped
public class SharedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager entityManager;

    SharedSecrets(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The key of this name: the first instance to ask creates it at random, the others read it. */
    public byte[] named(String name) {
        byte[] candidate = new byte[32];
        RANDOM.nextBytes(candidate);
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("INSERT INTO secrets (name, value) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                    .setParameter(1, name).setParameter(2, candidate).executeUpdate();
            return (byte[]) entityManager.createNativeQuery("SELECT value FROM secrets WHERE name = ?1")
                    .setParameter(1, name).getSingleResult();
        });
    }
}
