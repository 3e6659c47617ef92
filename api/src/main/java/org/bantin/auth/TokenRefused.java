package org.bantin.auth;

/** A CDI event: a bearer token was refused (unknown, revoked, expired); the secret itself is never in it. */
public record TokenRefused(String clientAddress, String method, String path) {
}
