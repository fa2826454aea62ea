package org.onedoor.directory.internal;

/**
 * A partner's program.
 *
 * @param federalProgramCode the {@code federal_program} code it is funded under; {@code null} when it has none
 */
public record ProgramDetails(long id, long partnerId, String partnerName, String federalProgramCode,
                             String federalProgramName, String name, String description) {
}
