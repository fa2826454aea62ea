package org.onedoor.assessment.internal;

/** The topics of an instrument's questions, in the order the assessment page groups them. */
public enum Topic {

    ABOUT_THE_BUSINESS("About the business"),
    HIRING("Hiring"),
    SKILLS_AND_TRAINING("Skills and training"),
    RETENTION("Retention"),
    LAYOFFS_AND_RESTRUCTURING("Layoffs and restructuring"),
    ACCESSIBILITY_AND_INCLUSION("Accessibility and inclusion"),
    TAX_CREDITS_AND_INCENTIVES("Tax credits and incentives"),
    EXPANSION_OR_RELOCATION("Expansion or relocation");

    private final String label;

    Topic(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
