package org.onedoor.directory;

/** The unit in which a service's capacity is counted. The names match the {@code service_capacity.unit} check constraint. */
public enum CapacityUnit {

    SLOTS("slots"),
    COHORT_SEATS("cohort seats"),
    TRAINING_DOLLARS("training dollars"),
    HOURS("hours");

    private final String label;

    CapacityUnit(String label) {
        this.label = label;
    }

    /** Returns the plural noun shown after a figure, such as "cohort seats". */
    public String label() {
        return label;
    }
}
