package org.onedoor.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The signature against a value computed independently with Python's hmac module, as in docs/webhooks.md. */
class WebhookSignatureTest {

    private static final String SECRET = "whsec_example-secret-for-documentation-only";
    private static final long TIMESTAMP = 1796518800L;
    private static final String BODY = "{\"id\":\"5b8f0c1e-3c1a-4f5e-9d2b-7a6e1f0c9b42\",\"type\":\"referral.sent\"}";

    @Test
    void signatureMatchesPythonHmac() {
        assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, BODY))
                .isEqualTo("73bd2b2e672b125bda6771fb847191a913e9557dca4a8ed633cacab01ce3632d");
    }

    @Test
    void signatureCoversTimestampAndBody() {
        String signature = WebhookSignature.sign(SECRET, TIMESTAMP, BODY);

        assertThat(WebhookSignature.sign(SECRET, TIMESTAMP + 1, BODY)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, BODY + " ")).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(SECRET + "x", TIMESTAMP, BODY)).isNotEqualTo(signature);
    }
}
