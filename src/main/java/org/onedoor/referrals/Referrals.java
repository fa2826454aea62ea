package org.onedoor.referrals;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.onedoor.identity.CurrentUser;
import org.onedoor.referrals.internal.ReferralSender;
import org.onedoor.referrals.internal.ReferralStandards;
import org.onedoor.referrals.internal.ReferralStore;
import org.onedoor.referrals.internal.StatusChanges;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral flow for other modules and the web edge: send, change status, record first contact, and read
 * referrals as a given user may see them. Staff of the two partners involved and administrators see every detail.
 * Staff of other partners see that a referral exists, with its status, but not the partner-only details.
 */
@Service
public class Referrals {

    private final ReferralSender sender;
    private final StatusChanges statusChanges;
    private final ReferralStore store;
    private final ReferralStandards standards;

    Referrals(ReferralSender sender, StatusChanges statusChanges, ReferralStore store, ReferralStandards standards) {
        this.sender = sender;
        this.statusChanges = statusChanges;
        this.store = store;
        this.standards = standards;
    }

    /** @see ReferralSender#send */
    public Referral send(SendRequest request, CurrentUser user) {
        return sender.send(request, user);
    }

    /** @see StatusChanges#change */
    public Referral changeStatus(long referralId, ReferralStatus to, String reasonCode, String reasonText,
                                 String outcome, CurrentUser user) {
        return statusChanges.change(referralId, to, reasonCode, reasonText, outcome, user);
    }

    /** @see StatusChanges#recordFirstContact */
    public Referral recordFirstContact(long referralId, Instant contactedAt, String note, CurrentUser user) {
        return statusChanges.recordFirstContact(referralId, contactedAt, note, user);
    }

    @Transactional(readOnly = true)
    public Optional<Referral> find(long referralId, CurrentUser reader) {
        return store.find(referralId).map(referral -> visibleTo(referral, reader));
    }

    /** Returns the timeline of a referral, oldest first. */
    @Transactional(readOnly = true)
    public List<StatusChange> history(long referralId, CurrentUser reader) {
        boolean full = store.find(referralId).map(referral -> seesDetails(referral, reader)).orElse(false);
        return store.history(referralId).stream().map(change -> full ? change : change.restricted()).toList();
    }

    /** Lists every referral of a business, open and closed, newest first. */
    @Transactional(readOnly = true)
    public List<Referral> ofBusiness(long businessId, CurrentUser reader) {
        return store.ofBusiness(businessId).stream().map(referral -> visibleTo(referral, reader)).toList();
    }

    /** Lists the open referrals of the businesses, sent by or to any partner, oldest first. */
    @Transactional(readOnly = true)
    public List<Referral> openOfBusinesses(Collection<Long> businessIds, CurrentUser reader) {
        return store.openOfBusinesses(businessIds).stream().map(referral -> visibleTo(referral, reader)).toList();
    }

    /** Lists the open referrals sent to the partner: its inbox. */
    @Transactional(readOnly = true)
    public List<Referral> inbox(long partnerId) {
        return store.openReceivedBy(partnerId);
    }

    /** Lists the open referrals the partner sent, those awaiting a response first. */
    @Transactional(readOnly = true)
    public List<Referral> sent(long partnerId) {
        return store.openSentBy(partnerId);
    }

    /** Searches all referrals, closed ones included. */
    @Transactional(readOnly = true)
    public ResultPage<Referral> search(String query, ReferralStatus status, PageRequest page, CurrentUser reader) {
        ResultPage<Referral> found = store.search(query, status, page);
        return new ResultPage<>(found.items().stream().map(referral -> visibleTo(referral, reader)).toList(),
                found.page(), found.size(), found.total());
    }

    /** Returns the quality standard of a workforce area; all six elements when the area set none. */
    public QualityStandard standard(long areaId) {
        return standards.of(areaId);
    }

    public static boolean seesDetails(Referral referral, CurrentUser reader) {
        return reader != null && (reader.isAdministrator() || referral.involves(reader.partnerId()));
    }

    private static Referral visibleTo(Referral referral, CurrentUser reader) {
        return seesDetails(referral, reader) ? referral : referral.restricted();
    }
}
