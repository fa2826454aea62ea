package org.onedoor.timers;

/**
 * Runs the timers of one kind. A Spring bean that implements this interface is found by its {@link #kind()}.
 *
 * <p>{@link #handle} runs inside the transaction that marks the timer fired, so its database writes commit
 * exactly when the timer counts as fired. Throwing rolls back those writes, and the timer is retried later.
 */
public interface TimerHandler {

    /** Returns the kind this handler runs, in lower case with hyphens, such as {@code referral-deadline}. */
    String kind();

    void handle(Timer timer);
}
