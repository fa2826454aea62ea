package org.onedoor.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code OneDoor-Signature} header: HMAC-SHA256 of {@code timestamp + "." + body}, keyed with the UTF-8
 * bytes of the webhook's whole secret (prefix included), written as 64 lowercase hexadecimal digits. The
 * timestamp is the {@code OneDoor-Timestamp} header, in whole seconds since 1970-01-01T00:00:00Z.
 */
public final class WebhookSignature {

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            // Every Java runtime must provide HmacSHA256, so this means a broken runtime.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
