package org.onedoor.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.onedoor.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists, revokes and checks the API tokens of partner systems. A token is 32 random bytes, shown once
 * to the partner administrator who issues it, and stored only as its SHA-256 hash. Only administrators of the
 * partner, and installation administrators, manage its tokens.
 */
@Service
public class PartnerTokens {

    /** Starts every token, so that a leaked token is easy to recognise in logs and secret scanners. */
    public static final String PREFIX = "odp_";

    private static final int MAX_NAME_LENGTH = 100;
    private static final Logger log = LoggerFactory.getLogger(PartnerTokens.class);

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    PartnerTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Issues a token for a partner.
     *
     * @throws InvalidInputException  when the name is missing, too long or already used by an active token
     * @throws AccessDeniedException when the user does not administer the partner
     */
    @Transactional
    public IssuedToken issue(CurrentUser user, long partnerId, String name) {
        requireCanAdminister(user, partnerId);
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("name", "Name is missing. Name the system that will use the token, "
                    + "such as 'Case management system'.");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("name", "Name is " + trimmed.length() + " characters long. Use at most "
                    + MAX_NAME_LENGTH + ".");
        }

        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO partner_api_token (partner_id, name, token_hash, created_by_user)
                            VALUES (:partnerId, :name, :hash, :userId)
                            RETURNING id""")
                    .param("partnerId", partnerId)
                    .param("name", trimmed)
                    .param("hash", sha256(secret))
                    .param("userId", user.id())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("name", "Name '" + trimmed + "' is already used by an active token of "
                    + "this partner. Choose another name, or revoke the old token first.");
        }

        log.info("User {} issued API token {} for partner {}", user.id(), id, partnerId);
        return new IssuedToken(id, trimmed, secret);
    }

    /** Lists a partner's tokens, active ones first, newest first. */
    public List<PartnerToken> list(CurrentUser user, long partnerId) {
        requireCanAdminister(user, partnerId);
        return jdbc.sql("""
                        SELECT t.id, t.partner_id, t.name, t.created_at, c.display_name AS created_by, t.last_used_at,
                               t.revoked_at, r.display_name AS revoked_by
                        FROM partner_api_token t
                        JOIN app_user c ON c.id = t.created_by_user
                        LEFT JOIN app_user r ON r.id = t.revoked_by_user
                        WHERE t.partner_id = :partnerId
                        ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC, t.id DESC""")
                .param("partnerId", partnerId)
                .query(PartnerTokens::mapToken)
                .list();
    }

    /**
     * Revokes a token at once: the next request that sends it gets 401.
     *
     * @return the partner of the token
     * @throws InvalidInputException  when the token does not exist or is already revoked
     * @throws AccessDeniedException when the user does not administer the token's partner
     */
    @Transactional
    public long revoke(CurrentUser user, long tokenId) {
        Long partnerId = jdbc.sql("SELECT partner_id FROM partner_api_token WHERE id = :id AND revoked_at IS NULL FOR UPDATE")
                .param("id", tokenId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new InvalidInputException("tokenId", "Token " + tokenId
                        + " was not found or is already revoked. Reload the page to see the current tokens."));
        requireCanAdminister(user, partnerId);

        jdbc.sql("UPDATE partner_api_token SET revoked_at = now(), revoked_by_user = :userId WHERE id = :id")
                .param("userId", user.id())
                .param("id", tokenId)
                .update();

        log.info("User {} revoked API token {} of partner {}", user.id(), tokenId, partnerId);
        return partnerId;
    }

    /**
     * Finds the partner system that an active token belongs to, and records the time of use at most once a
     * minute so that busy systems do not write on every request.
     */
    @Transactional
    public Optional<PartnerSystem> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<PartnerSystem> system = jdbc.sql("""
                        SELECT id, name, partner_id FROM partner_api_token
                        WHERE token_hash = :hash AND revoked_at IS NULL""")
                .param("hash", sha256(secret))
                .query((row, rowNumber) -> new PartnerSystem(row.getLong("id"), row.getString("name"),
                        row.getLong("partner_id")))
                .optional();
        system.ifPresent(found -> jdbc.sql("""
                        UPDATE partner_api_token SET last_used_at = now()
                        WHERE id = :id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""")
                .param("id", found.tokenId())
                .update());
        return system;
    }

    private static void requireCanAdminister(CurrentUser user, long partnerId) {
        if (user == null || !user.canAdministerPartner(partnerId)) {
            throw new AccessDeniedException("Only administrators of partner " + partnerId + " may manage its API tokens.");
        }
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    private static PartnerToken mapToken(ResultSet row, int rowNumber) throws SQLException {
        return new PartnerToken(
                row.getLong("id"),
                row.getLong("partner_id"),
                row.getString("name"),
                row.getTimestamp("created_at").toInstant(),
                row.getString("created_by"),
                toInstant(row.getTimestamp("last_used_at")),
                toInstant(row.getTimestamp("revoked_at")),
                row.getString("revoked_by"));
    }

    private static Instant toInstant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
