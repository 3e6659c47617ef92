package org.bantin.auth;

/** The editor behind a request: the token's id (null for the token from the environment), name and role. */
public record Caller(Long tokenId, String name, Role role) {

    public boolean owns(Long ownerTokenId) {
        return tokenId != null && tokenId.equals(ownerTokenId);
    }
}
