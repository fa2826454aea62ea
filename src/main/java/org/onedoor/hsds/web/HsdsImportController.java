package org.onedoor.hsds.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.onedoor.hsds.internal.HsdsCatalog;
import org.onedoor.hsds.internal.HsdsImporter;
import org.onedoor.hsds.internal.HsdsImporter.ImportRequest;
import org.onedoor.hsds.internal.HsdsImporter.ImportSummary;
import org.onedoor.hsds.internal.HsdsUpload;
import org.onedoor.hsds.internal.ImportReportLine;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The HSDS import for administrators: the upload page, the per-row report page and CSV, and the same import as
 * an API call.
 */
@Controller
class HsdsImportController {

    private static final Logger log = LoggerFactory.getLogger(HsdsImportController.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    /** US time zones offered for offices whose location does not name one. */
    static final List<String> TIME_ZONES = List.of("America/New_York", "America/Indiana/Indianapolis", "America/Chicago",
            "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu",
            "America/Puerto_Rico", "Pacific/Guam");

    /** The choices of the import form, kept when the form is shown again with errors. */
    record ImportForm(Long areaId, String sourceName, String timeZone, String categoryCode) {

        static ImportForm empty() {
            return new ImportForm(null, "", "America/Indiana/Indianapolis", "employer-information");
        }
    }

    private final HsdsImporter importer;
    private final HsdsCatalog catalog;

    HsdsImportController(HsdsImporter importer, HsdsCatalog catalog) {
        this.importer = importer;
        this.catalog = catalog;
    }

    @GetMapping("/imports/hsds")
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        requireAdministrator(user);
        return showForm(model, ImportForm.empty(), Map.of());
    }

    @PostMapping("/imports/hsds")
    String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files, ImportForm form,
                  @AuthenticationPrincipal CurrentUser user, Model model) throws IOException {
        requireAdministrator(user);
        try {
            long importId = importer.run(request(form), uploads(files), user.displayName(), user.id());
            return "redirect:/imports/hsds/" + importId;
        } catch (InvalidInputException invalid) {
            log.info("HSDS import by user {} rejected: {}", user.id(), invalid.getMessage());
            Map<String, String> errors = new LinkedHashMap<>();
            invalid.problems().forEach(problem -> errors.merge(problem.field(), problem.message(), (a, b) -> a + " " + b));
            return showForm(model, form, errors);
        }
    }

    @GetMapping("/imports/hsds/{id}")
    String report(@PathVariable long id, @RequestParam(required = false) String outcome,
                  @AuthenticationPrincipal CurrentUser user, Model model) {
        requireAdministrator(user);
        ImportSummary summary = importer.summary(id);
        List<ImportReportLine> lines = importer.lines(id);
        if (outcome != null && !outcome.isBlank()) {
            lines = lines.stream().filter(line -> line.outcome().equals(outcome)).toList();
        }
        model.addAttribute("summary", summary);
        model.addAttribute("createdAt", TIME.format(summary.createdAt().atZone(ZoneId.of(summary.timeZone()))));
        model.addAttribute("lines", lines);
        model.addAttribute("outcome", outcome == null ? "" : outcome);
        return "hsds/report";
    }

    @GetMapping("/imports/hsds/{id}/report.csv")
    void reportCsv(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response)
            throws IOException {
        requireAdministrator(user);
        List<ImportReportLine> lines = importer.lines(id);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"hsds-import-" + id + "-report.csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader("file", "row", "source_id",
                "record_type", "outcome", "record_id", "name", "reason", "note_fields").get());
        for (ImportReportLine line : lines) {
            csv.printRecord(line.file(), line.rowLabel(), line.sourceId(), line.recordType(), line.outcome(),
                    line.recordId(), line.name(), line.reason(), line.noteFields());
        }
        csv.flush();
    }

    /** Runs an import from a multipart request: {@code files} plus the fields of the import form. */
    @PostMapping("/api/v1/hsds/imports")
    @ResponseBody
    ResponseEntity<Map<String, Object>> importApi(@RequestParam(name = "files", required = false) List<MultipartFile> files,
                                                  ImportForm form, @AuthenticationPrincipal CurrentUser user) throws IOException {
        requireAdministrator(user);
        long importId = importer.run(request(form), uploads(files), user.displayName(), user.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(reportBody(importId));
    }

    @GetMapping("/api/v1/hsds/imports/{id}")
    @ResponseBody
    Map<String, Object> importReportApi(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        requireAdministrator(user);
        return reportBody(id);
    }

    private Map<String, Object> reportBody(long importId) {
        ImportSummary summary = importer.summary(importId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", summary.id());
        body.put("areaId", summary.areaId());
        body.put("sourceName", summary.sourceName());
        body.put("format", summary.format());
        body.put("counts", summary.counts());
        body.put("reportCsv", "/imports/hsds/" + importId + "/report.csv");
        body.put("rows", importer.lines(importId));
        return body;
    }

    private String showForm(Model model, ImportForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("areas", importer.areas());
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("timeZones", TIME_ZONES);
        return "hsds/import";
    }

    private static ImportRequest request(ImportForm form) {
        return new ImportRequest(form.areaId(), form.sourceName(), form.timeZone(), form.categoryCode());
    }

    private static List<HsdsUpload> uploads(List<MultipartFile> files) throws IOException {
        List<HsdsUpload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile file : files) {
                if (!file.isEmpty()) {
                    String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
                    // Some browsers send the path of the file on the user's machine.
                    uploads.add(new HsdsUpload(name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1), file.getBytes()));
                }
            }
        }
        if (uploads.isEmpty()) {
            throw new InvalidInputException("files", "Choose the files to import: a zipped data package, CSV files or HSDS JSON files.");
        }
        return uploads;
    }

    private static void requireAdministrator(CurrentUser user) {
        if (user == null || !user.isAdministrator()) {
            throw new AccessDeniedException("Only administrators may import HSDS data.");
        }
    }
}
