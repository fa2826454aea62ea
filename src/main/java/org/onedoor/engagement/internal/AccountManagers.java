package org.onedoor.engagement.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.onedoor.engagement.AccountManager;
import org.onedoor.engagement.AccountManagerConflictException;
import org.onedoor.identity.CurrentUser;
import org.onedoor.identity.Role;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.notifications.Notice;
import org.onedoor.notifications.Notifications;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigns and hands over account managers, keeping every assignment as history and notifying both sides.
 */
@Service
@Transactional
public class AccountManagers {

    private static final Logger log = LoggerFactory.getLogger(AccountManagers.class);
    static final int MAX_REASON_LENGTH = 2000;

    private final JdbcClient jdbc;
    private final Businesses businesses;
    private final UserAccounts accounts;
    private final Notifications notifications;

    AccountManagers(JdbcClient jdbc, Businesses businesses, UserAccounts accounts, Notifications notifications) {
        this.jdbc = jdbc;
        this.businesses = businesses;
        this.accounts = accounts;
        this.notifications = notifications;
    }

    /**
     * The request to assign a person or a team.
     *
     * @param handOver whether the request replaces the active account manager; without it, an active one is a
     *                 conflict
     */
    public record Assignment(Long userId, Long teamId, String reason, boolean handOver) {
    }

    /**
     * Assigns an account manager. With none active, a partner administrator assigns someone of their own partner,
     * and an administrator anyone. With one active, the request must be a hand-over, made by the current person
     * or team lead, a partner administrator of the current manager's partner, or an administrator.
     *
     * @throws AccountManagerConflictException while another is active and the request is not a hand-over
     * @throws AccessDeniedException when the user may not assign or hand over
     * @throws InvalidInputException for a missing or unknown person or team, or a missing hand-over reason
     */
    public AccountManager assign(long businessId, Assignment assignment, CurrentUser actor) {
        String businessName = businesses.legalName(businessId);
        Target target = target(assignment);
        String reason = assignment.reason() == null ? "" : assignment.reason().strip();
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidInputException("reason", "Reason is " + reason.length() + " characters long. Shorten it to "
                    + MAX_REASON_LENGTH + " characters or fewer.");
        }
        Optional<AccountManager> active = activeLocked(businessId);

        if (active.isEmpty()) {
            if (!actor.canAdministerPartner(target.partnerId())) {
                throw new AccessDeniedException("Only a partner administrator of " + target.partnerName()
                        + " or an administrator may make " + target.name() + " the account manager.");
            }
        } else {
            AccountManager current = active.get();
            boolean mayHandOver = actor.canAdministerPartner(current.partnerId()) || current.mayHandOver(actor.id());
            if (!mayHandOver && actor.role() == Role.STAFF) {
                throw new AccessDeniedException("Only partner administrators and the current account manager may "
                        + "change the account manager of " + businessName + ".");
            }
            if (!assignment.handOver()) {
                throw new AccountManagerConflictException(businessName + " already has an active account manager: "
                        + current.displayName() + " of " + current.partnerName() + ". To replace it, the current "
                        + "account manager or an administrator sends a hand-over with a reason.", current);
            }
            if (!mayHandOver) {
                throw new AccessDeniedException("Only " + current.displayName() + ", a partner administrator of "
                        + current.partnerName() + " or an administrator may hand over the account manager of "
                        + businessName + ".");
            }
            if (target.sameAs(current)) {
                throw new ConflictException(target.name() + " is already the account manager of " + businessName + ".");
            }
            if (reason.isEmpty()) {
                throw new InvalidInputException("reason", "Reason is missing. Say why the account manager changes, "
                        + "such as a new assignment or leave.");
            }
            jdbc.sql("UPDATE account_manager SET ended_at = now(), ended_by = :actor WHERE id = :id")
                    .param("actor", actor.id())
                    .param("id", current.id())
                    .update();
        }

        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO account_manager (business_id, user_id, team_id, previous_id, reason, assigned_by)
                            VALUES (:businessId, :userId, :teamId, :previousId, :reason, :actor)
                            RETURNING id""")
                    .param("businessId", businessId)
                    .param("userId", assignment.teamId() == null ? assignment.userId() : null)
                    .param("teamId", assignment.teamId())
                    .param("previousId", active.map(AccountManager::id).orElse(null))
                    .param("reason", reason)
                    .param("actor", actor.id())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            // Another request assigned one between our read and this insert.
            throw new ConflictException(businessName + " got an account manager from another request just now. "
                    + "Reload to see it, and hand over if it should change.");
        }
        AccountManager assigned = find(id).orElseThrow();

        notifyBothSides(businessId, businessName, active, assigned, actor);
        log.info("User {} made assignment {} the account manager of business {}, replacing {}", actor.id(), id,
                businessId, active.map(AccountManager::id).orElse(null));
        return assigned;
    }

    @Transactional(readOnly = true)
    public Optional<AccountManager> active(long businessId) {
        return jdbc.sql(SELECT + " WHERE am.business_id = :businessId AND am.ended_at IS NULL")
                .param("businessId", businessId)
                .query(AccountManagers::map)
                .optional();
    }

    /** Lists every assignment of the business, newest first. */
    @Transactional(readOnly = true)
    public List<AccountManager> history(long businessId) {
        businesses.legalName(businessId);
        return jdbc.sql(SELECT + " WHERE am.business_id = :businessId ORDER BY am.assigned_at DESC, am.id DESC")
                .param("businessId", businessId)
                .query(AccountManagers::map)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<AccountManager> find(long id) {
        return jdbc.sql(SELECT + " WHERE am.id = :id").param("id", id).query(AccountManagers::map).optional();
    }

    private Optional<AccountManager> activeLocked(long businessId) {
        jdbc.sql("SELECT id FROM account_manager WHERE business_id = :businessId AND ended_at IS NULL FOR UPDATE")
                .param("businessId", businessId)
                .query(Long.class)
                .optional();
        return active(businessId);
    }

    private Target target(Assignment assignment) {
        if ((assignment.userId() == null) == (assignment.teamId() == null)) {
            throw new InvalidInputException("userId", "Give either userId for a person or teamId for a team as "
                    + "the account manager, not both and not neither.");
        }
        if (assignment.teamId() != null) {
            return jdbc.sql("""
                            SELECT t.id, t.name, t.partner_id, p.name AS partner_name
                            FROM account_team t JOIN partner p ON p.id = t.partner_id WHERE t.id = :id""")
                    .param("id", assignment.teamId())
                    .query((row, n) -> new Target(null, row.getLong("id"), "team " + row.getString("name"),
                            row.getLong("partner_id"), row.getString("partner_name")))
                    .optional()
                    .orElseThrow(() -> new InvalidInputException("teamId", "Team " + assignment.teamId()
                            + " was not found. Choose a team from GET /api/v1/account-teams."));
        }
        UserAccount user = accounts.find(assignment.userId())
                .filter(UserAccount::enabled)
                .filter(account -> account.partnerId() != null)
                .orElseThrow(() -> new InvalidInputException("userId", "User " + assignment.userId()
                        + " is not an enabled staff account of a partner. Choose a partner's staff member."));
        String partnerName = jdbc.sql("SELECT name FROM partner WHERE id = :id")
                .param("id", user.partnerId())
                .query(String.class)
                .single();
        return new Target(user.id(), null, user.displayName(), user.partnerId(), partnerName);
    }

    private void notifyBothSides(long businessId, String businessName, Optional<AccountManager> previous,
                                 AccountManager assigned, CurrentUser actor) {
        String link = "/businesses/" + businessId;
        String reasonLine = assigned.reason().isEmpty() ? "" : " Reason: " + assigned.reason();
        notifications.notifyUsers(assigned.memberUserIds(), new Notice(
                "You are now the account manager of " + businessName,
                actor.displayName() + " assigned " + assigned.displayName() + " as the account manager of "
                        + businessName + previous.map(old -> ", taking over from " + old.displayName()).orElse("")
                        + "." + reasonLine,
                link));
        previous.ifPresent(old -> {
            Set<Long> oldOnly = new LinkedHashSet<>(old.memberUserIds());
            oldOnly.removeAll(assigned.memberUserIds());
            notifications.notifyUsers(oldOnly, new Notice(
                    "You are no longer the account manager of " + businessName,
                    actor.displayName() + " handed the account manager of " + businessName + " over from "
                            + old.displayName() + " to " + assigned.displayName() + "." + reasonLine,
                    link));
        });
    }

    private record Target(Long userId, Long teamId, String name, long partnerId, String partnerName) {

        boolean sameAs(AccountManager current) {
            return userId != null ? userId.equals(current.userId()) : teamId.equals(current.teamId());
        }
    }

    private static final String SELECT = """
            SELECT am.id, am.business_id, am.user_id, u.display_name AS user_name, am.team_id, t.name AS team_name,
                   t.lead_user_id, tl.display_name AS lead_name, p.id AS partner_id, p.name AS partner_name,
                   am.previous_id, am.reason, am.assigned_by, ab.display_name AS assigned_by_name, am.assigned_at,
                   am.ended_at, am.end_reason,
                   CASE WHEN am.user_id IS NOT NULL THEN ARRAY[am.user_id]
                        ELSE ARRAY(SELECT t.lead_user_id
                                   UNION SELECT m.user_id FROM account_team_member m WHERE m.team_id = t.id) END
                       AS member_ids
            FROM account_manager am
            LEFT JOIN app_user u ON u.id = am.user_id
            LEFT JOIN account_team t ON t.id = am.team_id
            LEFT JOIN app_user tl ON tl.id = t.lead_user_id
            JOIN partner p ON p.id = COALESCE(u.partner_id, t.partner_id)
            JOIN app_user ab ON ab.id = am.assigned_by""";

    static AccountManager map(ResultSet row, int rowNumber) throws SQLException {
        return new AccountManager(row.getLong("id"), row.getLong("business_id"), row.getObject("user_id", Long.class),
                row.getString("user_name"), row.getObject("team_id", Long.class), row.getString("team_name"),
                row.getObject("lead_user_id", Long.class), row.getString("lead_name"), row.getLong("partner_id"),
                row.getString("partner_name"), ids(row.getArray("member_ids")),
                row.getObject("previous_id", Long.class), row.getString("reason"), row.getLong("assigned_by"),
                row.getString("assigned_by_name"), row.getTimestamp("assigned_at").toInstant(),
                row.getTimestamp("ended_at") == null ? null : row.getTimestamp("ended_at").toInstant(),
                row.getString("end_reason"));
    }

    static List<Long> ids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        Arrays.stream((Long[]) array.getArray()).forEach(ids::add);
        return List.copyOf(ids);
    }
}
