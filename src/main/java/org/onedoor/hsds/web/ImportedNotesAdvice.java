package org.onedoor.hsds.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onedoor.hsds.internal.HsdsImporter;
import org.onedoor.hsds.internal.HsdsImporter.Note;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Adds the notes of HSDS imports to the directory's partner, office and service pages as {@code hsdsNotes}, so
 * the directory pages show them without depending on this module.
 */
@ControllerAdvice(basePackages = "org.onedoor.directory.web")
class ImportedNotesAdvice {

    private static final Pattern RECORD_PAGE = Pattern.compile("^/directory/(partners|offices|services)/(\\d+)$");

    private final HsdsImporter importer;

    ImportedNotesAdvice(HsdsImporter importer) {
        this.importer = importer;
    }

    @ModelAttribute("hsdsNotes")
    List<Note> hsdsNotes(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return List.of();
        }
        Matcher page = RECORD_PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!page.matches()) {
            return List.of();
        }
        String recordType = switch (page.group(1)) {
            case "partners" -> "partner";
            case "offices" -> "office";
            default -> "service";
        };
        return importer.notes(recordType, Long.parseLong(page.group(2)));
    }
}
