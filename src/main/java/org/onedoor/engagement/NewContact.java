package org.onedoor.engagement;

/**
 * A contact to record or plan, as staff enter it.
 *
 * @param status {@code null} means {@link ContactStatus#DONE}
 * @param occurredAt an ISO date-time, either with an offset or {@code Z}, or without one for a local time in the
 *                   zone of the staff member's office; {@code null} means now for a done contact
 * @param contactPersonId a contact person from the business's profile, or {@code null}
 * @param partnerNote a note only staff of the recording partner may read, or {@code null}
 * @param overrideReason why the contact is planned although the coordination check found other contacts
 * @param routeToAccountManager true when a plan that the coordination check stops goes to the account manager as a
 *                              request, instead of being rejected
 */
public record NewContact(ContactKind kind, ContactPurpose purpose, ContactStatus status, String summary,
                         Long contactPersonId, String occurredAt, String partnerNote, String overrideReason,
                         Boolean routeToAccountManager) {
}
