/**
 * The time limits of referrals: the response and first-contact due times, counted in the receiving office's
 * business days, the timers that check them, and the alerts to the sender and then the receiving partner's
 * administrators when a deadline passes unmet.
 */
package org.onedoor.referrals.deadlines;
