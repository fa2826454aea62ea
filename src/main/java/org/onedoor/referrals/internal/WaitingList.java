package org.onedoor.referrals.internal;

import java.util.List;

import org.onedoor.directory.Directory;
import org.onedoor.directory.ServiceSummary;
import org.onedoor.identity.CurrentUser;
import org.onedoor.referrals.WaitingListEntry;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The waiting lists of services: one open entry per business and service, seen by the receiving partner. */
@Service
public class WaitingList {

    private static final Logger log = LoggerFactory.getLogger(WaitingList.class);

    private static final String SELECT = """
            SELECT w.id, w.business_id, b.legal_name AS business_name, w.service_id, s.name AS service_name,
                   w.receiving_partner_id, w.sending_partner_id, p.name AS sending_partner_name, w.added_by,
                   u.display_name AS added_by_name, w.need_code, w.note, w.added_at
            FROM referral_waiting_list w
            JOIN business b ON b.id = w.business_id
            JOIN service s ON s.id = w.service_id
            JOIN app_user u ON u.id = w.added_by
            LEFT JOIN partner p ON p.id = w.sending_partner_id
            """;

    private final JdbcClient jdbc;
    private final Directory directory;

    WaitingList(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /**
     * Adds a business to a service's waiting list.
     *
     * @throws ConflictException when the business is already waiting for the service
     */
    @Transactional
    public WaitingListEntry add(Long businessId, Long serviceId, String needCode, String note, CurrentUser user) {
        if (businessId == null || serviceId == null) {
            throw new InvalidInputException(businessId == null ? "businessId" : "serviceId", "The "
                    + (businessId == null ? "businessId" : "serviceId") + " is missing. Give the business and the "
                    + "service it waits for.");
        }
        ServiceSummary service = directory.findService(serviceId)
                .orElseThrow(() -> NotFoundException.of("Service", serviceId));
        boolean businessExists = jdbc.sql("SELECT count(*) FROM business WHERE id = :id")
                .param("id", businessId).query(Long.class).single() == 1;
        if (!businessExists) {
            throw NotFoundException.of("Business", businessId);
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > QualityCheck.MAX_NOTE_LENGTH) {
            throw new InvalidInputException("note", "The note has " + text.length() + " characters. Shorten it to "
                    + "at most " + QualityCheck.MAX_NOTE_LENGTH + ".");
        }

        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO referral_waiting_list (business_id, service_id, receiving_partner_id,
                                                               sending_partner_id, added_by, need_code, note)
                            VALUES (:business, :service, :receiver, :sender, :user, :need, :note) RETURNING id""")
                    .param("business", businessId)
                    .param("service", serviceId)
                    .param("receiver", service.partnerId())
                    .param("sender", user.partnerId())
                    .param("user", user.id())
                    .param("need", needCode == null || needCode.isBlank() ? null : needCode.strip())
                    .param("note", text)
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            log.info("Business {} is already on the waiting list of service {}", businessId, serviceId);
            throw new ConflictException("Business " + businessId + " is already on the waiting list of "
                    + service.name() + ".");
        }

        log.info("User {} added business {} to the waiting list of service {}", user.id(), businessId, serviceId);
        return jdbc.sql(SELECT + " WHERE w.id = :id").param("id", id).query(WaitingListEntry.class).single();
    }

    /** Lists a partner's open waiting-list entries, longest waiting first. */
    @Transactional(readOnly = true)
    public List<WaitingListEntry> ofPartner(long partnerId) {
        return jdbc.sql(SELECT + " WHERE w.receiving_partner_id = :partner AND w.removed_at IS NULL ORDER BY w.added_at, w.id")
                .param("partner", partnerId)
                .query(WaitingListEntry.class)
                .list();
    }
}
