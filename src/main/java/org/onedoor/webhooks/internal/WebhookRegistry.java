package org.onedoor.webhooks.internal;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.onedoor.directory.Directory;
import org.onedoor.directory.PartnerSummary;
import org.onedoor.shared.NotFoundException;
import org.onedoor.webhooks.internal.WebhookInputCheck.CheckedInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, lists, changes and deletes webhooks and creates their signing secrets. Only administrators of the
 * webhook's partner, that partner's systems, and installation administrators may see or change a webhook.
 */
@Service
@Transactional
public class WebhookRegistry {

    /** Starts every signing secret, so that a leaked secret is easy to recognise in logs and secret scanners. */
    public static final String SECRET_PREFIX = "whsec_";

    private static final Logger log = LoggerFactory.getLogger(WebhookRegistry.class);
    private static final String SELECT = """
            SELECT w.id, w.partner_id, p.name AS partner_name, w.url, w.event_types, w.active, w.created_at,
                   w.created_by, w.updated_at, w.updated_by, w.secret_rotated_at
            FROM webhook w JOIN partner p ON p.id = w.partner_id
            """;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final SecureRandom random = new SecureRandom();

    WebhookRegistry(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** Returns the webhooks of one partner, or of every partner when an administrator gives no partner. */
    @Transactional(readOnly = true)
    public List<Webhook> list(WebhookActor actor, Long partnerId) {
        Long scope = actor.administrator() ? partnerId : actor.partnerId();
        if (scope == null) {
            return jdbc.sql(SELECT + "ORDER BY p.name, w.id").query(WebhookRegistry::mapRow).list();
        }
        return jdbc.sql(SELECT + "WHERE w.partner_id = :partnerId ORDER BY w.id")
                .param("partnerId", scope)
                .query(WebhookRegistry::mapRow)
                .list();
    }

    /**
     * Returns one webhook.
     *
     * @throws NotFoundException     when there is no webhook with this id
     * @throws AccessDeniedException when the actor may not manage the webhook's partner
     */
    @Transactional(readOnly = true)
    public Webhook find(WebhookActor actor, long id) {
        Webhook webhook = jdbc.sql(SELECT + "WHERE w.id = :id").param("id", id)
                .query(WebhookRegistry::mapRow).optional()
                .orElseThrow(() -> NotFoundException.of("Webhook", id));
        requireMayManage(actor, webhook.partnerId(), webhook.partnerName());
        return webhook;
    }

    /**
     * Registers a webhook for a partner with a new signing secret.
     *
     * @throws NotFoundException     when the partner does not exist
     * @throws AccessDeniedException when the actor may not manage the partner's webhooks
     */
    public RegisteredWebhook register(WebhookActor actor, long partnerId, WebhookInput input) {
        PartnerSummary partner = directory.findPartner(partnerId)
                .orElseThrow(() -> NotFoundException.of("Partner", partnerId));
        requireMayManage(actor, partner.id(), partner.name());
        CheckedInput checked = WebhookInputCheck.check(input);

        String secret = newSecret();
        long id = jdbc.sql("""
                        INSERT INTO webhook (partner_id, url, event_types, active, secret, created_by, updated_by)
                        VALUES (:partnerId, :url, :eventTypes, :active, :secret, :actor, :actor)
                        RETURNING id""")
                .param("partnerId", partnerId)
                .param("url", checked.url())
                .param("eventTypes", checked.eventTypes().toArray(String[]::new))
                .param("active", input.active() == null || input.active())
                .param("secret", secret)
                .param("actor", actor.displayName())
                .query(Long.class)
                .single();
        log.info("{} registered webhook {} for partner {} at {}", actor.displayName(), id, partnerId, checked.url());
        return new RegisteredWebhook(find(actor, id), secret);
    }

    /** Replaces the URL, event types and, when given, the active flag of a webhook. */
    public Webhook update(WebhookActor actor, long id, WebhookInput input) {
        Webhook current = find(actor, id);
        CheckedInput checked = WebhookInputCheck.check(input);
        jdbc.sql("""
                        UPDATE webhook SET url = :url, event_types = :eventTypes, active = :active,
                                           updated_at = now(), updated_by = :actor
                        WHERE id = :id""")
                .param("url", checked.url())
                .param("eventTypes", checked.eventTypes().toArray(String[]::new))
                .param("active", input.active() == null ? current.active() : input.active())
                .param("actor", actor.displayName())
                .param("id", id)
                .update();
        log.info("{} changed webhook {} of partner {}", actor.displayName(), id, current.partnerId());
        return find(actor, id);
    }

    /**
     * Replaces the signing secret. Deliveries sent from now on, retries of older events included, are signed
     * with the new secret.
     */
    public RegisteredWebhook rotateSecret(WebhookActor actor, long id) {
        Webhook current = find(actor, id);
        String secret = newSecret();
        jdbc.sql("""
                        UPDATE webhook SET secret = :secret, secret_rotated_at = now(), updated_at = now(),
                                           updated_by = :actor
                        WHERE id = :id""")
                .param("secret", secret)
                .param("actor", actor.displayName())
                .param("id", id)
                .update();
        log.info("{} rotated the secret of webhook {} of partner {}", actor.displayName(), id, current.partnerId());
        return new RegisteredWebhook(find(actor, id), secret);
    }

    /** Deletes a webhook together with its delivery log; pending deliveries are never sent. */
    public Webhook delete(WebhookActor actor, long id) {
        Webhook current = find(actor, id);
        jdbc.sql("DELETE FROM webhook WHERE id = :id").param("id", id).update();
        log.info("{} deleted webhook {} of partner {} at {}", actor.displayName(), id, current.partnerId(),
                current.url());
        return current;
    }

    private static void requireMayManage(WebhookActor actor, long partnerId, String partnerName) {
        if (!actor.mayManage(partnerId)) {
            throw new AccessDeniedException("Only administrators and systems of " + partnerName
                    + ", and installation administrators, may manage its webhooks");
        }
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Webhook mapRow(ResultSet row, int rowNumber) throws SQLException {
        Array eventTypes = row.getArray("event_types");
        return new Webhook(row.getLong("id"), row.getLong("partner_id"), row.getString("partner_name"),
                row.getString("url"), Arrays.asList((String[]) eventTypes.getArray()), row.getBoolean("active"),
                instant(row, "created_at"), row.getString("created_by"), instant(row, "updated_at"),
                row.getString("updated_by"), instant(row, "secret_rotated_at"));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        java.sql.Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
