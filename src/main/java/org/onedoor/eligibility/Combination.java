package org.onedoor.eligibility;

/** How a service combines its rules. */
public enum Combination {
    /** Every rule must hold. */
    ALL,
    /** At least one rule must hold. */
    ANY
}
