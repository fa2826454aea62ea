package org.onedoor.assessment.internal;

/** How a question is answered. Only YES_NO and CHOICE answers raise needs, through their options. */
public enum AnswerType {

    YES_NO("Yes or no"),
    CHOICE("Choice"),
    NUMBER("Number"),
    TEXT("Text");

    private final String label;

    AnswerType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
