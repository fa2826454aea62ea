package org.onedoor.directory.internal;

/**
 * The fields of a program, as a form or API body sends them.
 *
 * @param federalProgramCode a {@code federal_program} code; blank when the program has no federal funding stream
 */
public record ProgramChanges(String name, String federalProgramCode, String description) {

    public static ProgramChanges empty() {
        return new ProgramChanges("", "", "");
    }

    public static ProgramChanges of(ProgramDetails program) {
        return new ProgramChanges(program.name(), program.federalProgramCode(), program.description());
    }
}
