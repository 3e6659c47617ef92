package org.bantin.webhook;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.bantin.secret.HmacKey;

/**
 * Standard Webhooks signatures: the secret is `whsec_` and the base64 of 32 random bytes; a request's
 * `webhook-signature` is `v1,` and the base64 of HMAC-SHA256, keyed with those bytes, of `{webhook-id}.{webhook-timestamp}.{body}`.
 */
final class Signatures {

    static final String SECRET_PREFIX = "whsec_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    static String sign(String secret, String id, long timestamp, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        byte[] signed = (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
        return "v1," + Base64.getEncoder().encodeToString(new HmacKey(key).sign(signed));
    }
}
