package org.onedoor.referrals.internal;

import org.onedoor.identity.CurrentUser;
import org.onedoor.referrals.QualityStandard;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and sets each workforce area's quality referral standard. Only installation administrators set it,
 * because OneDoor has no role that administers an area: a partner administrator administers one partner.
 */
@Service
public class ReferralStandards {

    private static final Logger log = LoggerFactory.getLogger(ReferralStandards.class);

    private final JdbcClient jdbc;

    ReferralStandards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws NotFoundException for an unknown area */
    @Transactional(readOnly = true)
    public QualityStandard of(long areaId) {
        requireArea(areaId);
        return jdbc.sql("""
                        SELECT need_required, contact_required, consent_required, named_receiver_required,
                               hand_off_note_required, first_contact_date_required
                        FROM referral_standard WHERE area_id = :area""")
                .param("area", areaId)
                .query((rs, row) -> new QualityStandard(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6)))
                .optional()
                .orElseGet(QualityStandard::allRequired);
    }

    /** Returns the area's name, or throws {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public String areaName(long areaId) {
        return requireArea(areaId);
    }

    public static boolean canEdit(CurrentUser user) {
        return user != null && user.isAdministrator();
    }

    @Transactional
    public QualityStandard set(long areaId, QualityStandard standard, CurrentUser user) {
        requireArea(areaId);
        if (!canEdit(user)) {
            throw new AccessDeniedException("Only installation administrators set the quality referral standard.");
        }

        jdbc.sql("""
                        INSERT INTO referral_standard (area_id, need_required, contact_required, consent_required,
                                                       named_receiver_required, hand_off_note_required,
                                                       first_contact_date_required, updated_at, updated_by)
                        VALUES (:area, :need, :contact, :consent, :receiver, :note, :date, now(), :user)
                        ON CONFLICT (area_id) DO UPDATE SET need_required = excluded.need_required,
                            contact_required = excluded.contact_required, consent_required = excluded.consent_required,
                            named_receiver_required = excluded.named_receiver_required,
                            hand_off_note_required = excluded.hand_off_note_required,
                            first_contact_date_required = excluded.first_contact_date_required,
                            updated_at = now(), updated_by = excluded.updated_by""")
                .param("area", areaId)
                .param("need", standard.need())
                .param("contact", standard.contact())
                .param("consent", standard.consent())
                .param("receiver", standard.namedReceiver())
                .param("note", standard.handOffNote())
                .param("date", standard.firstContactDate())
                .param("user", user.id())
                .update();

        log.info("User {} set the quality referral standard of area {} to {}", user.id(), areaId,
                standard.requiredElements());
        return standard;
    }

    private String requireArea(long areaId) {
        return jdbc.sql("SELECT name FROM workforce_area WHERE id = :id")
                .param("id", areaId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> NotFoundException.of("Workforce area", areaId));
    }
}
