package org.onedoor.identity;

/**
 * A partner's own system calling the API with a bearer token issued to that partner. It acts for the partner
 * but may call only the endpoints meant for partner systems.
 *
 * @param tokenName the name a partner administrator gave the token, such as "Case management system"
 */
public record PartnerSystem(long tokenId, String tokenName, long partnerId) {

    /** The Spring Security authority of every partner system. */
    public static final String AUTHORITY = "ROLE_PARTNER_SYSTEM";

    /** Returns the name recorded as the author of a change, such as "Partner system: Case management system". */
    public String displayName() {
        return "Partner system: " + tokenName;
    }
}
