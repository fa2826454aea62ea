package org.onedoor.webhooks.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onedoor.referrals.ReferralEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one delivery per matching active webhook of the sending and the receiving partner when a referral is
 * sent or changed. The referrals module publishes the event inside its transaction, and this listener runs in
 * it, so a delivery exists exactly when the change it reports was committed.
 */
@Component
class WebhookOutbox {

    private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WebhookOutbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventListener
    @Transactional
    void on(ReferralEvent event) {
        WebhookEventType type = WebhookEventType.of(event.kind());
        List<Long> webhookIds = jdbc.sql("""
                        SELECT id FROM webhook
                        WHERE active AND partner_id IN (:sendingPartnerId, :receivingPartnerId)
                          AND :type = ANY (event_types)
                        ORDER BY id""")
                .param("sendingPartnerId", event.sendingPartnerId())
                .param("receivingPartnerId", event.receivingPartnerId())
                .param("type", type.code())
                .query(Long.class)
                .list();
        if (webhookIds.isEmpty()) {
            return;
        }

        // One event id for every webhook, so that a receiver subscribed twice can still recognise the event.
        UUID eventId = UUID.randomUUID();
        String payload = json.writeValueAsString(payload(eventId, type, event));
        for (long webhookId : webhookIds) {
            jdbc.sql("""
                            INSERT INTO webhook_delivery (webhook_id, event_id, event_type, referral_id, payload)
                            VALUES (:webhookId, :eventId, :type, :referralId, :payload)""")
                    .param("webhookId", webhookId)
                    .param("eventId", eventId)
                    .param("type", type.code())
                    .param("referralId", event.referralId())
                    .param("payload", payload)
                    .update();
        }
        log.debug("Queued event {} ({}) of referral {} for webhooks {}", eventId, type.code(), event.referralId(),
                webhookIds);
    }

    /** Builds the JSON body, which docs/webhooks.md describes field by field. */
    private static Map<String, Object> payload(UUID eventId, WebhookEventType type, ReferralEvent event) {
        Map<String, Object> referral = new LinkedHashMap<>();
        referral.put("id", event.referralId());
        referral.put("businessId", event.businessId());
        referral.put("serviceId", event.serviceId());
        referral.put("needCode", event.needCode());
        referral.put("sendingPartnerId", event.sendingPartnerId());
        referral.put("receivingPartnerId", event.receivingPartnerId());
        referral.put("receivingOfficeId", event.receivingOfficeId());
        referral.put("status", event.status().fhirCode());
        referral.put("previousStatus", event.previousStatus() == null ? null : event.previousStatus().fhirCode());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId.toString());
        body.put("type", type.code());
        body.put("occurredAt", event.occurredAt().toString());
        body.put("referral", referral);
        return body;
    }
}
