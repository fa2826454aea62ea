package org.onedoor.engagement.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onedoor.demand.Demand;
import org.onedoor.demand.Offer;
import org.onedoor.engagement.ContactEntry;
import org.onedoor.engagement.ContactStatus;
import org.onedoor.eligibility.FactCatalog;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joins done contacts to the offers of the demand module: every done contact ends with an offer, or a recorded
 * reason why none was made, and the contacts with neither are listed per partner so that none slips.
 */
@Service
@Transactional(readOnly = true)
public class ContactOffers {

    private final ContactLog contactLog;
    private final Demand demand;

    ContactOffers(ContactLog contactLog, Demand demand) {
        this.contactLog = contactLog;
        this.demand = demand;
    }

    /** The ending of a done contact: an offer, a reason for none, or {@code NONE} while it has neither. */
    public enum Ending { OFFER, NO_OFFER, NONE }

    /**
     * The ending of a done contact, with its text.
     *
     * @param text what the contact page shows, such as "Offer made: Hiring help" or "No offer: reason"
     */
    public record ContactEnding(Ending ending, String text) {
    }

    /** Returns how each done contact among {@code contacts} ended, keyed by contact id; other statuses are left out. */
    public Map<Long, ContactEnding> endings(List<ContactEntry> contacts) {
        Map<Long, ContactEnding> endings = new LinkedHashMap<>();
        for (ContactEntry contact : contacts) {
            if (contact.status() == ContactStatus.DONE) {
                endings.put(contact.id(), ending(demand.offersAtContact(contact.id())));
            }
        }
        return endings;
    }

    static ContactEnding ending(List<Offer> recorded) {
        List<Offer> offers = recorded.stream().filter(offer -> offer.kind() == Offer.Kind.OFFER).toList();
        if (!offers.isEmpty()) {
            String answers = String.join("; ", offers.stream().map(offer -> needLabel(offer.needCode()) + ", "
                    + offer.answer().name().toLowerCase(java.util.Locale.ROOT)).toList());
            return new ContactEnding(Ending.OFFER, (offers.size() == 1 ? "Offer made: " : "Offers made: ") + answers);
        }
        if (!recorded.isEmpty()) {
            return new ContactEnding(Ending.NO_OFFER, "No offer: " + recorded.get(0).noOfferReason().label());
        }
        return new ContactEnding(Ending.NONE, "Neither an offer nor a reason is recorded yet");
    }

    private static String needLabel(String code) {
        return FactCatalog.need(code).map(FactCatalog.Need::label).orElse(code);
    }

    /**
     * Reads one page of the done contacts without an offer or a reason, oldest first. Staff see their own partner's,
     * and an administrator without a partner names the partner.
     *
     * @throws InvalidInputException when an administrator without a partner names none
     * @throws AccessDeniedException when staff name another partner
     */
    public ResultPage<ContactEntry> withoutOffer(CurrentUser reader, Long requestedPartnerId, PageRequest page) {
        long partnerId = partnerFor(reader, requestedPartnerId);
        List<ContactEntry> items = contactLog.withoutOffer(partnerId, reader, page.offset(), page.size());
        return ResultPage.of(items, page, contactLog.countWithoutOffer(partnerId));
    }

    /**
     * Returns the partner whose list the reader sees.
     *
     * @throws InvalidInputException when an administrator without a partner names none
     * @throws AccessDeniedException when staff name another partner
     */
    public static long partnerFor(CurrentUser reader, Long requestedPartnerId) {
        if (reader.partnerId() == null) {
            if (requestedPartnerId == null) {
                throw new InvalidInputException("partnerId", "Partner is missing. Choose the partner whose "
                        + "contacts without an offer to list.");
            }
            return requestedPartnerId;
        }
        if (requestedPartnerId != null && requestedPartnerId.longValue() != reader.partnerId()) {
            throw new AccessDeniedException("Staff see the contacts without an offer of their own partner only. "
                    + "Leave out partnerId, or sign in as an administrator.");
        }
        return reader.partnerId();
    }
}
