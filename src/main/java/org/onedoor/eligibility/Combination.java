package org.onedoor.eligibility;

/** Combination of a service's rules into one result. */
public enum Combination {
    /** Every rule must hold. */
    ALL,
    /** At least one rule must hold. */
    ANY
}
