package org.onedoor.webhooks.internal;

import java.util.Arrays;
import java.util.Optional;

import org.onedoor.referrals.ReferralEvent;

/** The referral events a webhook can subscribe to, with the name sent in the payload's {@code type}. */
public enum WebhookEventType {

    SENT("referral.sent", "A referral was sent", ReferralEvent.Kind.SENT),
    STATUS_CHANGED("referral.status_changed", "A referral's status changed", ReferralEvent.Kind.STATUS_CHANGED),
    FIRST_CONTACT_RECORDED("referral.first_contact_recorded", "The receiving partner recorded its first contact",
            ReferralEvent.Kind.FIRST_CONTACT_RECORDED);

    private final String code;
    private final String label;
    private final ReferralEvent.Kind kind;

    WebhookEventType(String code, String label, ReferralEvent.Kind kind) {
        this.code = code;
        this.label = label;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static WebhookEventType of(ReferralEvent.Kind kind) {
        return Arrays.stream(values()).filter(type -> type.kind == kind).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No webhook event type for " + kind));
    }

    public static Optional<WebhookEventType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }
}
