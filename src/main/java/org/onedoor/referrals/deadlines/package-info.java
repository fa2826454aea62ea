/**
 * The time limits of referrals: the response and first-contact due times, counted in the receiving office's
 * business days, the timers that check them, and the alerts to the sender and then the receiving partner's
 * administrators when a deadline passes unmet.
 * <p>Exposed to other modules as the named interface {@code deadlines}, so that pages such as the portfolio can
 * show when a referral is due.
 */
@org.springframework.modulith.NamedInterface("deadlines")
package org.onedoor.referrals.deadlines;
