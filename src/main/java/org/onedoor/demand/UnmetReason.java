package org.onedoor.demand;

/**
 * Why no service met a need. When the services of a need differ, the first reason that applies in this order wins.
 * A business that qualifies for a full service shows a capacity gap, and that tells the area more than the services
 * it does not qualify for.
 */
public enum UnmetReason {

    NO_SERVICE("No service in the area meets this need"),
    NO_CAPACITY("The services the business qualifies for are full"),
    ELIGIBILITY_UNKNOWN("Eligibility is unknown for every service, because profile facts are missing"),
    NOT_ELIGIBLE("The business is not eligible for any service that meets this need");

    private final String label;

    UnmetReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
