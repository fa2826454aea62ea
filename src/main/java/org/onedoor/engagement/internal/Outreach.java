package org.onedoor.engagement.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onedoor.engagement.ContactKind;
import org.onedoor.engagement.ContactPurpose;
import org.onedoor.engagement.ContactStatus;
import org.onedoor.engagement.CoordinationCheck;
import org.onedoor.engagement.internal.Businesses.StaffOffice;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk outreach lists, such as a job fair invitation to hundreds of businesses. Each business gets the coordination
 * check: one with contacts in the window is left out, with why, unless the sender confirms it. The campaign records
 * a planned contact for every business included.
 */
@Service
@Transactional
public class Outreach {

    /** Largest list accepted in one campaign, so one request stays within a few seconds of checks. */
    public static final int MAX_BUSINESSES = 2000;

    private static final Logger log = LoggerFactory.getLogger(Outreach.class);

    private final JdbcClient jdbc;
    private final Businesses businesses;
    private final Coordination coordination;
    private final ContactLog contactLog;

    Outreach(JdbcClient jdbc, Businesses businesses, Coordination coordination, ContactLog contactLog) {
        this.jdbc = jdbc;
        this.businesses = businesses;
        this.coordination = coordination;
        this.contactLog = contactLog;
    }

    /**
     * @param confirmedBusinessIds businesses the sender includes although they had recent contacts
     */
    public record NewCampaign(String name, ContactKind kind, ContactPurpose purpose, String plannedAt,
                              List<Long> businessIds, List<Long> confirmedBusinessIds) {

        public NewCampaign {
            businessIds = businessIds == null ? List.of() : businessIds;
            confirmedBusinessIds = confirmedBusinessIds == null ? List.of() : confirmedBusinessIds;
        }
    }

    /**
     * One business of the list and what happened to it.
     *
     * @param included whether a planned contact was recorded (or, in a preview, would be)
     * @param confirmed whether it is included only because the sender confirmed it
     * @param reason why it was left out or needed confirmation; empty for a business without recent contacts
     */
    public record ListEntry(long businessId, String businessName, boolean included, boolean confirmed, String reason,
                            Long contactId) {
    }

    public record CampaignResult(Long campaignId, String name, int windowDays, List<ListEntry> entries) {

        public long includedCount() {
            return entries.stream().filter(ListEntry::included).count();
        }

        public long excludedCount() {
            return entries.size() - includedCount();
        }
    }

    /** Checks every business of the list without recording anything. */
    @Transactional(readOnly = true)
    public CampaignResult preview(NewCampaign campaign, CurrentUser sender) {
        Validated valid = validate(campaign, sender);
        List<ListEntry> entries = new ArrayList<>();
        int windowDays = 0;
        for (long businessId : valid.businessIds()) {
            CoordinationCheck check = coordination.check(businessId, sender, valid.plannedAt());
            windowDays = check.windowDays();
            entries.add(entry(businessId, valid.names().get(businessId), check, valid.confirmed().contains(businessId), null));
        }
        return new CampaignResult(null, valid.name(), windowDays, entries);
    }

    /**
     * Creates the campaign and records a planned contact for each business included, in one transaction.
     *
     * @throws InvalidInputException for a missing name, kind, purpose or time, an empty or too long list, or unknown
     *                               business ids
     */
    public CampaignResult create(NewCampaign campaign, CurrentUser sender) {
        Validated valid = validate(campaign, sender);
        long campaignId = jdbc.sql("""
                        INSERT INTO outreach_campaign (partner_id, name, kind, purpose, planned_at, created_by)
                        VALUES (:partnerId, :name, :kind, :purpose, :plannedAt, :sender) RETURNING id""")
                .param("partnerId", sender.partnerId())
                .param("name", valid.name())
                .param("kind", campaign.kind().name())
                .param("purpose", campaign.purpose().name())
                .param("plannedAt", java.sql.Timestamp.from(valid.plannedAt()))
                .param("sender", sender.id())
                .query(Long.class)
                .single();

        List<ListEntry> entries = new ArrayList<>();
        int windowDays = 0;
        for (long businessId : valid.businessIds()) {
            CoordinationCheck check = coordination.check(businessId, sender, valid.plannedAt());
            windowDays = check.windowDays();
            ListEntry entry = entry(businessId, valid.names().get(businessId), check, valid.confirmed().contains(businessId), null);
            if (!entry.included()) {
                jdbc.sql("INSERT INTO outreach_exclusion (campaign_id, business_id, reason) VALUES (:c, :b, :r)")
                        .param("c", campaignId)
                        .param("b", businessId)
                        .param("r", entry.reason())
                        .update();
                entries.add(entry);
                continue;
            }
            long contactId = contactLog.insert(new ContactLog.Row(businessId, sender.partnerId(),
                    valid.office() == null ? null : valid.office().id(), sender.id(), campaign.kind(),
                    campaign.purpose(), ContactStatus.PLANNED, valid.name(), null, valid.plannedAt(),
                    valid.zone().getId(), null, campaignId,
                    entry.confirmed() ? "Confirmed by the sender of outreach campaign '" + valid.name() + "'" : null,
                    sender.id()));
            entries.add(entry(businessId, entry.businessName(), check, entry.confirmed(), contactId));
        }

        log.info("User {} created outreach campaign {} for {} businesses, {} left out", sender.id(), campaignId,
                entries.size(), entries.stream().filter(e -> !e.included()).count());
        return new CampaignResult(campaignId, valid.name(), windowDays, entries);
    }

    private static ListEntry entry(long businessId, String name, CoordinationCheck check, boolean confirmed,
                                   Long contactId) {
        if (!check.conflicts()) {
            return new ListEntry(businessId, name, true, false, "", contactId);
        }
        String reason = check.contacts().size() + (check.contacts().size() == 1 ? " contact" : " contacts")
                + " in the " + check.windowDays() + "-day window, such as " + Contacts.describe(check.contacts().get(0));
        return new ListEntry(businessId, name, confirmed, confirmed, reason, contactId);
    }

    private record Validated(String name, Instant plannedAt, List<Long> businessIds, Set<Long> confirmed,
                             StaffOffice office, ZoneId zone, Map<Long, String> names) {
    }

    private Validated validate(NewCampaign campaign, CurrentUser sender) {
        if (sender.partnerId() == null) {
            throw new AccessDeniedException("Only partner staff send outreach campaigns. Sign in with a partner account.");
        }
        StaffOffice office = businesses.officeOf(sender.partnerId()).orElse(null);
        ZoneId zone = ZoneId.of(office == null ? Businesses.ZONE_WITHOUT_OFFICE : office.timeZone());

        List<FieldProblem> problems = new ArrayList<>();
        String name = campaign.name() == null ? "" : campaign.name().strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "Name is missing. Name the campaign, such as Spring job fair invitation."));
        }
        if (campaign.kind() == null) {
            problems.add(new FieldProblem("kind", "Kind is missing. Choose CALL, EMAIL, VISIT, EVENT or MEETING."));
        }
        if (campaign.purpose() == null) {
            problems.add(new FieldProblem("purpose", "Purpose is missing. Choose OUTREACH, CALL_CAMPAIGN or another."));
        }

        Instant plannedAt = null;
        if (campaign.plannedAt() == null || campaign.plannedAt().isBlank()) {
            problems.add(new FieldProblem("plannedAt", "Time is missing. Enter when the outreach happens."));
        } else {
            try {
                plannedAt = ContactTimes.parse(campaign.plannedAt(), zone, "plannedAt");
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }

        Set<Long> ids = new LinkedHashSet<>(campaign.businessIds());
        Map<Long, String> names = new HashMap<>();
        ids.remove(null);
        if (ids.isEmpty()) {
            problems.add(new FieldProblem("businessIds", "The list is empty. Add the ids of the businesses to contact."));
        } else if (ids.size() > MAX_BUSINESSES) {
            problems.add(new FieldProblem("businessIds", "The list has " + ids.size() + " businesses. Split it into "
                    + "lists of at most " + MAX_BUSINESSES + "."));
        } else {
            jdbc.sql("SELECT id, legal_name FROM business WHERE id IN (:ids) AND merged_into_id IS NULL")
                    .param("ids", List.copyOf(ids))
                    .query((row, n) -> names.put(row.getLong("id"), row.getString("legal_name")))
                    .list();
            List<Long> unknown = ids.stream().filter(id -> !names.containsKey(id)).toList();
            if (!unknown.isEmpty()) {
                problems.add(new FieldProblem("businessIds", "Businesses " + unknown + " were not found or were "
                        + "merged into another. Remove them from the list."));
            }
        }

        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Validated(name, plannedAt, List.copyOf(ids), new LinkedHashSet<>(campaign.confirmedBusinessIds()),
                office, zone, names);
    }
}
