package org.onedoor.eligibility;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;

/** The CEL type of a fact, with how people read it. */
public enum FactType {
    STRING(SimpleType.STRING, "text"),
    INT(SimpleType.INT, "whole number"),
    DOUBLE(SimpleType.DOUBLE, "number"),
    BOOL(SimpleType.BOOL, "yes or no"),
    STRING_LIST(ListType.create(SimpleType.STRING), "list of text");

    private final CelType celType;
    private final String description;

    FactType(CelType celType, String description) {
        this.celType = celType;
        this.description = description;
    }

    public CelType celType() {
        return celType;
    }

    /** Returns the CEL name of the type, such as {@code list(string)}. */
    public String celName() {
        return celType.name().equals("list") ? "list(string)" : celType.name();
    }

    public String description() {
        return description;
    }
}
