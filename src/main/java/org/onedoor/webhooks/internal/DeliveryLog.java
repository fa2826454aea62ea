package org.onedoor.webhooks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.onedoor.shared.ConflictException;
import org.onedoor.shared.NotFoundException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.onedoor.webhooks.internal.Delivery.DeliveryAttempt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the deliveries of a webhook with their attempts, newest first, and queues a resend. */
@Service
@Transactional
public class DeliveryLog {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLog.class);
    private static final String SELECT = """
            SELECT id, webhook_id, event_id, event_type, referral_id, payload, status, attempts, failures,
                   next_attempt_at, created_at, delivered_at, last_error,
                   coalesce(lease_expires_at > now(), false) AS sending, resend_requested_by,
                   NULL AS attempt_log
            FROM webhook_delivery
            """;

    private final JdbcClient jdbc;
    private final WebhookRegistry registry;

    DeliveryLog(JdbcClient jdbc, WebhookRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /** Returns one page of a webhook's deliveries, newest first, each with all its attempts. */
    @Transactional(readOnly = true)
    public ResultPage<Delivery> list(WebhookActor actor, long webhookId, PageRequest page) {
        registry.find(actor, webhookId);
        long total = jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE webhook_id = :webhookId")
                .param("webhookId", webhookId)
                .query(Long.class)
                .single();
        List<Delivery> deliveries = jdbc.sql(SELECT + """
                        WHERE webhook_id = :webhookId
                        ORDER BY created_at DESC, id DESC
                        LIMIT :limit OFFSET :offset""")
                .param("webhookId", webhookId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Delivery.class)
                .list();
        return ResultPage.of(withAttempts(deliveries), page, total);
    }

    /** Returns one delivery of a webhook with all its attempts. */
    @Transactional(readOnly = true)
    public Delivery find(WebhookActor actor, long webhookId, long deliveryId) {
        registry.find(actor, webhookId);
        Delivery delivery = jdbc.sql(SELECT + "WHERE webhook_id = :webhookId AND id = :id")
                .param("webhookId", webhookId)
                .param("id", deliveryId)
                .query(Delivery.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("Delivery " + deliveryId + " of webhook " + webhookId
                        + " was not found."));
        return withAttempts(List.of(delivery)).get(0);
    }

    /**
     * Queues a delivery to be sent again at once with the same body and idempotency key, and with a fresh
     * allowance of attempts. The attempt it leads to names the actor in the log.
     *
     * @throws ConflictException when a sender is sending the delivery right now
     */
    public Delivery resend(WebhookActor actor, long webhookId, long deliveryId) {
        Delivery current = find(actor, webhookId, deliveryId);
        int queued = jdbc.sql("""
                        UPDATE webhook_delivery
                        SET status = 'PENDING', failures = 0, next_attempt_at = now(), resend_requested_by = :actor
                        WHERE id = :id AND (lease_expires_at IS NULL OR lease_expires_at <= now())""")
                .param("actor", actor.displayName())
                .param("id", deliveryId)
                .update();
        if (queued == 0) {
            throw new ConflictException("Delivery " + deliveryId + " is being sent right now. Wait for the "
                    + "result in the delivery log, then resend it if it still needs to go.");
        }
        log.info("{} queued webhook delivery {} (webhook {}, event {}, was {}) to be sent again",
                actor.displayName(), deliveryId, webhookId, current.eventId(), current.status());
        return find(actor, webhookId, deliveryId);
    }

    private List<Delivery> withAttempts(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        Map<Long, List<DeliveryAttempt>> attempts = jdbc.sql("""
                        SELECT delivery_id, attempt_number, started_at, duration_ms, response_status, error, resent_by
                        FROM webhook_attempt
                        WHERE delivery_id IN (:ids)
                        ORDER BY delivery_id, attempt_number""")
                .param("ids", deliveries.stream().map(Delivery::id).toList())
                .query((row, number) -> Map.entry(row.getLong("delivery_id"), new DeliveryAttempt(
                        row.getInt("attempt_number"), WebhookRegistry.instant(row, "started_at"),
                        (Long) row.getObject("duration_ms"), (Integer) row.getObject("response_status"),
                        row.getString("error"), row.getString("resent_by"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toCollection(ArrayList::new))));
        return deliveries.stream()
                .map(delivery -> delivery.withAttemptLog(List.copyOf(attempts.getOrDefault(delivery.id(), new ArrayList<>()))))
                .toList();
    }
}
