package org.onedoor.webhooks.internal;

/**
 * A webhook with its signing secret, returned only when the secret is created or rotated. OneDoor shows the
 * secret this once, so the partner stores it in its receiving system.
 */
public record RegisteredWebhook(Webhook webhook, String secret) {

    @Override
    public String toString() {
        return "RegisteredWebhook[webhook=" + webhook + "]";
    }
}
