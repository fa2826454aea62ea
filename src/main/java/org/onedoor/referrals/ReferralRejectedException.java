package org.onedoor.referrals;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rejects a referral send or status change that conflicts with the rules or the current state; the API returns it
 * as 409 problem details with {@code code} and the details as further members.
 *
 * @param code one of {@code incomplete}, {@code not_eligible}, {@code missing_facts}, {@code conflict},
 *             {@code no_capacity}, {@code capacity_stale}, {@code invalid_transition}, {@code reason_required},
 *             {@code outcome_required}
 */
public class ReferralRejectedException extends RuntimeException {

    private final String code;
    private final Map<String, Object> details;

    public ReferralRejectedException(String code, String message, Map<String, ?> details) {
        super(message);
        this.code = code;
        this.details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public String code() {
        return code;
    }

    /** Returns the members that explain the rejection, such as {@code missing} or {@code allowedNext}. */
    public Map<String, Object> details() {
        return details;
    }
}
