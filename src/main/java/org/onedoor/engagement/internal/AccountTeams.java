package org.onedoor.engagement.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.onedoor.engagement.AccountTeam;
import org.onedoor.identity.CurrentUser;
import org.onedoor.identity.UserAccount;
import org.onedoor.identity.UserAccounts;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and lists the account manager teams that partner administrators manage. */
@Service
@Transactional
public class AccountTeams {

    private static final Logger log = LoggerFactory.getLogger(AccountTeams.class);

    private final JdbcClient jdbc;
    private final UserAccounts accounts;

    AccountTeams(JdbcClient jdbc, UserAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    public record NewTeam(Long partnerId, String name, Long leadUserId, List<Long> memberUserIds) {

        public NewTeam {
            memberUserIds = memberUserIds == null ? List.of() : List.copyOf(memberUserIds);
        }
    }

    /**
     * Creates a team of one partner, whose lead and members are enabled accounts of that partner.
     *
     * @throws AccessDeniedException when the user is not a partner administrator of the partner or an administrator
     * @throws InvalidInputException for a missing name, partner or lead, or a member of another partner
     */
    public AccountTeam create(NewTeam team, CurrentUser actor) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = team.name() == null ? "" : team.name().strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "Name is missing. Name the team, such as Manufacturing team."));
        }
        if (team.partnerId() == null) {
            throw new InvalidInputException("partnerId", "Partner is missing. Give the id of the team's partner.");
        }
        if (!actor.canAdministerPartner(team.partnerId())) {
            throw new AccessDeniedException("Only a partner administrator of partner " + team.partnerId()
                    + " or an administrator may create its teams.");
        }
        if (team.leadUserId() == null) {
            problems.add(new FieldProblem("leadUserId", "Lead is missing. Choose one of the partner's staff."));
        } else if (!isStaffOf(team.leadUserId(), team.partnerId())) {
            problems.add(new FieldProblem("leadUserId", "Lead " + team.leadUserId() + " is not an enabled account of "
                    + "partner " + team.partnerId() + ". Choose one of the partner's staff."));
        }
        Set<Long> members = new LinkedHashSet<>(team.memberUserIds());
        for (Long member : members) {
            if (member == null || !isStaffOf(member, team.partnerId())) {
                problems.add(new FieldProblem("memberUserIds", "Member " + member + " is not an enabled account of "
                        + "partner " + team.partnerId() + ". Remove it or choose one of the partner's staff."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        members.add(team.leadUserId());

        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO account_team (partner_id, name, lead_user_id, created_by)
                            VALUES (:partnerId, :name, :lead, :actor) RETURNING id""")
                    .param("partnerId", team.partnerId())
                    .param("name", name)
                    .param("lead", team.leadUserId())
                    .param("actor", actor.id())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Partner " + team.partnerId() + " already has a team named '" + name
                    + "'. Choose another name.");
        }
        for (long member : members) {
            jdbc.sql("INSERT INTO account_team_member (team_id, user_id) VALUES (:team, :user)")
                    .param("team", id)
                    .param("user", member)
                    .update();
        }

        log.info("User {} created account team {} of partner {} with {} members", actor.id(), id, team.partnerId(),
                members.size());
        return list(team.partnerId()).stream().filter(created -> created.id() == id).findFirst().orElseThrow();
    }

    /** Lists the teams of one partner, or of every partner when {@code partnerId} is {@code null}, by name. */
    @Transactional(readOnly = true)
    public List<AccountTeam> list(Long partnerId) {
        return jdbc.sql("""
                        SELECT t.id, t.partner_id, p.name AS partner_name, t.name, t.lead_user_id,
                               u.display_name AS lead_name, t.created_at,
                               ARRAY(SELECT m.user_id FROM account_team_member m WHERE m.team_id = t.id
                                     ORDER BY m.user_id) AS member_ids
                        FROM account_team t
                        JOIN partner p ON p.id = t.partner_id
                        JOIN app_user u ON u.id = t.lead_user_id
                        WHERE CAST(:partnerId AS bigint) IS NULL OR t.partner_id = :partnerId
                        ORDER BY p.name, t.name""")
                .param("partnerId", partnerId)
                .query((row, n) -> new AccountTeam(row.getLong("id"), row.getLong("partner_id"),
                        row.getString("partner_name"), row.getString("name"), row.getLong("lead_user_id"),
                        row.getString("lead_name"), AccountManagers.ids(row.getArray("member_ids")),
                        row.getTimestamp("created_at").toInstant()))
                .list();
    }

    private boolean isStaffOf(long userId, long partnerId) {
        return accounts.find(userId)
                .filter(UserAccount::enabled)
                .map(account -> account.partnerId() != null && account.partnerId() == partnerId)
                .orElse(false);
    }
}
