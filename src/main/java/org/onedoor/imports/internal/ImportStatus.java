package org.onedoor.imports.internal;

/** The state of an import job: waiting for its column mapping, waiting for a worker, running, or finished. */
public enum ImportStatus {

    DRAFT("Waiting for column mapping"),
    QUEUED("Queued"),
    RUNNING("Running"),
    DONE("Completed"),
    FAILED("Failed");

    private final String label;

    ImportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isFinished() {
        return this == DONE || this == FAILED;
    }
}
