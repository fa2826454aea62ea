package org.onedoor.demand.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onedoor.demand.BusinessNeed;
import org.onedoor.demand.FollowUp;
import org.onedoor.demand.NeedSource;
import org.onedoor.demand.NoOfferReason;
import org.onedoor.demand.Offer;
import org.onedoor.demand.OfferAnswer;
import org.onedoor.demand.UnmetReason;
import org.onedoor.eligibility.FactCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for needs, offers and unmet needs. Callers hold the transaction. */
@Repository
public class NeedStore {

    private final JdbcClient jdbc;

    NeedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The profile facts copied onto a need when it is raised. Each is {@code null} when the profile lacks it. */
    public record ProfileSnapshot(String naicsSector, String countyFips, String employeeBand) {
    }

    /** A need as offers check it. */
    public record NeedState(long id, long businessId, String needCode, boolean open) {
    }

    /** A service as an offer names it. */
    public record OfferableService(long id, String name, long partnerId, String partnerName, boolean active) {
    }

    public boolean businessExists(long businessId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM business WHERE id = :id)").param("id", businessId)
                .query(Boolean.class).single();
    }

    public Optional<Long> areaOfPartner(long partnerId) {
        return jdbc.sql("SELECT area_id FROM partner WHERE id = :id").param("id", partnerId).query(Long.class)
                .optional();
    }

    /**
     * Inserts an open need unless the business already has one of the same type open, in which case it returns
     * empty. The partial unique index decides, so two staff raising the same need at once still add one row.
     */
    public Optional<Long> insertNeed(long businessId, String needCode, NeedSource source, Long sourceId,
                                     long partnerId, long areaId, Long userId, ProfileSnapshot snapshot) {
        return jdbc.sql("""
                        INSERT INTO business_need (business_id, need_code, source, source_id, partner_id, area_id,
                                                   raised_by, naics_sector, county_fips, employee_band)
                        VALUES (:businessId, :needCode, :source, :sourceId, :partnerId, :areaId, :userId, :sector,
                                :county, :band)
                        ON CONFLICT (business_id, need_code) WHERE status = 'OPEN' DO NOTHING
                        RETURNING id""")
                .param("businessId", businessId)
                .param("needCode", needCode)
                .param("source", source.name())
                .param("sourceId", sourceId)
                .param("partnerId", partnerId)
                .param("areaId", areaId)
                .param("userId", userId)
                .param("sector", snapshot.naicsSector())
                .param("county", snapshot.countyFips())
                .param("band", snapshot.employeeBand())
                .query(Long.class)
                .optional();
    }

    public long openNeedId(long businessId, String needCode) {
        return jdbc.sql("SELECT id FROM business_need WHERE business_id = :businessId AND need_code = :needCode "
                        + "AND status = 'OPEN'")
                .param("businessId", businessId)
                .param("needCode", needCode)
                .query(Long.class)
                .single();
    }

    public void insertUnmetNeed(long needId, long businessId, String needCode, ProfileSnapshot snapshot,
                                UnmetReason reason, int servicesConsidered, long partnerId, long areaId) {
        jdbc.sql("""
                        INSERT INTO unmet_need (need_id, business_id, need_code, naics_sector, county_fips,
                                                employee_band, reason, services_considered, partner_id, area_id)
                        VALUES (:needId, :businessId, :needCode, :sector, :county, :band, :reason, :considered,
                                :partnerId, :areaId)""")
                .param("needId", needId)
                .param("businessId", businessId)
                .param("needCode", needCode)
                .param("sector", snapshot.naicsSector())
                .param("county", snapshot.countyFips())
                .param("band", snapshot.employeeBand())
                .param("reason", reason.name())
                .param("considered", servicesConsidered)
                .param("partnerId", partnerId)
                .param("areaId", areaId)
                .update();
    }

    /** Reads a need and locks its row, so an offer and a concurrent close cannot both pass the open check. */
    public Optional<NeedState> lockNeed(long needId) {
        return jdbc.sql("SELECT id, business_id, need_code, status = 'OPEN' AS open FROM business_need "
                        + "WHERE id = :id FOR UPDATE")
                .param("id", needId)
                .query(NeedState.class)
                .optional();
    }

    public void closeNeed(long needId) {
        jdbc.sql("UPDATE business_need SET status = 'CLOSED', closed_at = now() WHERE id = :id AND status = 'OPEN'")
                .param("id", needId)
                .update();
    }

    public List<OfferableService> services(List<Long> serviceIds) {
        return jdbc.sql("""
                        SELECT s.id, s.name, p.id AS partner_id, p.name AS partner_name, s.active
                        FROM service s
                        JOIN program pr ON pr.id = s.program_id
                        JOIN partner p ON p.id = pr.partner_id
                        WHERE s.id = ANY(:ids)""")
                .param("ids", serviceIds.stream().mapToLong(Long::longValue).toArray())
                .query(OfferableService.class)
                .list();
    }

    /** The columns of one offer row, as {@link #insertOffer} stores them. */
    public record OfferRow(long businessId, Long needId, Offer.Kind kind, long partnerId, Long userId, Long contactId,
                           OfferAnswer answer, FollowUp followUp, String declineReason, LocalDate deferredUntil,
                           NoOfferReason noOfferReason, String note) {
    }

    public long insertOffer(OfferRow row, List<Long> serviceIds) {
        long id = jdbc.sql("""
                        INSERT INTO need_offer (business_id, need_id, kind, partner_id, recorded_by, contact_id, answer,
                                                follow_up, decline_reason, deferred_until, no_offer_reason, note)
                        VALUES (:businessId, :needId, :kind, :partnerId, :userId, :contactId, :answer, :followUp,
                                :declineReason, :deferredUntil, :noOfferReason, :note)
                        RETURNING id""")
                .param("businessId", row.businessId())
                .param("needId", row.needId())
                .param("kind", row.kind().name())
                .param("partnerId", row.partnerId())
                .param("userId", row.userId())
                .param("contactId", row.contactId())
                .param("answer", row.answer() == null ? null : row.answer().name())
                .param("followUp", row.followUp() == null ? null : row.followUp().name())
                .param("declineReason", row.declineReason())
                .param("deferredUntil", row.deferredUntil())
                .param("noOfferReason", row.noOfferReason() == null ? null : row.noOfferReason().name())
                .param("note", row.note() == null ? "" : row.note())
                .query(Long.class)
                .single();
        for (Long serviceId : serviceIds) {
            jdbc.sql("INSERT INTO need_offer_service (offer_id, service_id) VALUES (:offerId, :serviceId)")
                    .param("offerId", id)
                    .param("serviceId", serviceId)
                    .update();
        }
        return id;
    }

    private static final String OFFER_SELECT = """
            SELECT o.id, o.business_id, o.need_id, n.need_code, o.kind, o.partner_id, p.name AS partner_name,
                   o.recorded_by, u.display_name AS recorded_by_name, o.recorded_at, o.contact_id, o.answer,
                   o.referral_id, o.follow_up, o.decline_reason, o.deferred_until, o.no_offer_reason, o.note
            FROM need_offer o
            JOIN partner p ON p.id = o.partner_id
            LEFT JOIN business_need n ON n.id = o.need_id
            LEFT JOIN app_user u ON u.id = o.recorded_by
            """;

    public Optional<Offer> findOffer(long offerId) {
        return offers(OFFER_SELECT + " WHERE o.id = :value", offerId).stream().findFirst();
    }

    public List<Offer> offersOfBusiness(long businessId) {
        return offers(OFFER_SELECT + " WHERE o.business_id = :value ORDER BY o.recorded_at, o.id", businessId);
    }

    public List<Offer> offersOfContact(long contactId) {
        return offers(OFFER_SELECT + " WHERE o.contact_id = :value ORDER BY o.recorded_at, o.id", contactId);
    }

    private List<Offer> offers(String sql, long value) {
        List<Offer> withoutServices = jdbc.sql(sql).param("value", value).query(NeedStore::offer).list();
        if (withoutServices.isEmpty()) {
            return withoutServices;
        }
        Map<Long, List<Offer.OfferedService>> services = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT os.offer_id, s.id, s.name, p.id AS partner_id, p.name AS partner_name
                        FROM need_offer_service os
                        JOIN service s ON s.id = os.service_id
                        JOIN program pr ON pr.id = s.program_id
                        JOIN partner p ON p.id = pr.partner_id
                        WHERE os.offer_id = ANY(:ids)
                        ORDER BY lower(s.name), s.id""")
                .param("ids", withoutServices.stream().mapToLong(Offer::id).toArray())
                .query(rs -> {
                    services.computeIfAbsent(rs.getLong("offer_id"), id -> new ArrayList<>())
                            .add(new Offer.OfferedService(rs.getLong("id"), rs.getString("name"),
                                    rs.getLong("partner_id"), rs.getString("partner_name")));
                });
        return withoutServices.stream()
                .map(offer -> new Offer(offer.id(), offer.businessId(), offer.needId(), offer.needCode(), offer.kind(),
                        offer.partnerId(), offer.partnerName(), offer.recordedBy(), offer.recordedByName(),
                        offer.recordedAt(), offer.contactId(), offer.answer(), offer.followUp(),
                        offer.declineReason(), offer.deferredUntil(), offer.noOfferReason(), offer.note(),
                        services.getOrDefault(offer.id(), List.of()), offer.referralId()))
                .toList();
    }

    private static Offer offer(ResultSet rs, int rowNumber) throws SQLException {
        return new Offer(rs.getLong("id"), rs.getLong("business_id"), rs.getObject("need_id", Long.class),
                rs.getString("need_code"), Offer.Kind.valueOf(rs.getString("kind")), rs.getLong("partner_id"),
                rs.getString("partner_name"), rs.getObject("recorded_by", Long.class),
                rs.getString("recorded_by_name"), rs.getTimestamp("recorded_at").toInstant(),
                rs.getObject("contact_id", Long.class), valueOf(OfferAnswer.class, rs.getString("answer")),
                valueOf(FollowUp.class, rs.getString("follow_up")), rs.getString("decline_reason"),
                rs.getObject("deferred_until", LocalDate.class), valueOf(NoOfferReason.class, rs.getString("no_offer_reason")), rs.getString("note"),
                List.of(), rs.getObject("referral_id", Long.class));
    }

    /** Lists the needs of a business, open ones first and then newest first, each with its offers. */
    public List<BusinessNeed> needsOfBusiness(long businessId) {
        Map<Long, List<Offer>> offersByNeed = new LinkedHashMap<>();
        for (Offer offer : offersOfBusiness(businessId)) {
            if (offer.needId() != null) {
                offersByNeed.computeIfAbsent(offer.needId(), id -> new ArrayList<>()).add(offer);
            }
        }
        return jdbc.sql("""
                        SELECT n.id, n.business_id, n.need_code, n.source, n.source_id, n.partner_id,
                               p.name AS partner_name, n.raised_at, n.naics_sector, n.county_fips, n.employee_band,
                               n.status, n.closed_at, n.joined_into_id,
                               (SELECT u.reason FROM unmet_need u WHERE u.need_id = n.id ORDER BY u.id LIMIT 1)
                                   AS unmet_reason
                        FROM business_need n
                        JOIN partner p ON p.id = n.partner_id
                        WHERE n.business_id = :businessId
                        ORDER BY n.status = 'OPEN' DESC, n.raised_at DESC, n.id DESC""")
                .param("businessId", businessId)
                .query((rs, rowNumber) -> new BusinessNeed(rs.getLong("id"), rs.getLong("business_id"),
                        rs.getString("need_code"), needLabel(rs.getString("need_code")),
                        NeedSource.valueOf(rs.getString("source")), rs.getObject("source_id", Long.class),
                        rs.getLong("partner_id"), rs.getString("partner_name"),
                        rs.getTimestamp("raised_at").toInstant(), rs.getString("naics_sector"),
                        rs.getString("county_fips"), rs.getString("employee_band"),
                        "OPEN".equals(rs.getString("status")), instant(rs.getTimestamp("closed_at")),
                        valueOf(UnmetReason.class, rs.getString("unmet_reason")),
                        offersByNeed.getOrDefault(rs.getLong("id"), List.of()),
                        rs.getObject("joined_into_id", Long.class)))
                .list();
    }

    /** Returns the label of a need code, or the code itself for a need type no longer in the list. */
    public static String needLabel(String needCode) {
        return FactCatalog.need(needCode).map(FactCatalog.Need::label).orElse(needCode);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static <E extends Enum<E>> E valueOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
