package org.onedoor.referrals.deadlines;

/**
 * The timer of one stage of one deadline, written as the timer's payload {@code 42:RESPONSE:OWNER}.
 */
record DeadlineTimer(long referralId, DeadlineKind deadline, Stage stage) {

    static final String KIND = "referral-deadline";

    enum Stage {
        /** At the due time: alert the sender. */
        OWNER,
        /** One business day after the due time: alert the receiving partner's administrators. */
        ESCALATION
    }

    String key() {
        return "referral-deadline:" + payload();
    }

    String payload() {
        return referralId + ":" + deadline.name() + ":" + stage.name();
    }

    static DeadlineTimer parse(String payload) {
        String[] parts = payload.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Referral deadline timer payload '" + payload
                    + "' is invalid; expected referralId:DEADLINE:STAGE");
        }
        return new DeadlineTimer(Long.parseLong(parts[0]), DeadlineKind.valueOf(parts[1]), Stage.valueOf(parts[2]));
    }
}
