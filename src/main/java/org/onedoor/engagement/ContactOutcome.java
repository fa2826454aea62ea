package org.onedoor.engagement;

/** The result of a contact that staff entered: recorded, or sent to the account manager as a request. */
public sealed interface ContactOutcome {

    record Recorded(ContactEntry contact) implements ContactOutcome {
    }

    record RoutedToAccountManager(CoordinationRequest request, CoordinationCheck check) implements ContactOutcome {
    }
}
