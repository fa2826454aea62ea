package org.onedoor.imports.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onedoor.identity.CurrentUser;
import org.onedoor.imports.internal.ColumnMapping;
import org.onedoor.imports.internal.DateFormatChoice;
import org.onedoor.imports.internal.EncodingChoice;
import org.onedoor.imports.internal.ImportField;
import org.onedoor.imports.internal.ImportJob;
import org.onedoor.imports.internal.ImportStatus;
import org.onedoor.imports.internal.ImportUpload;
import org.onedoor.imports.internal.Imports;
import org.onedoor.imports.internal.RowIssue;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The import pages: the list, the upload form, the column mapping step and the progress and report page. */
@Controller
class ImportPageController {

    private static final Logger log = LoggerFactory.getLogger(ImportPageController.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
    private static final String MAPPING_FIELD_PREFIX = "column-";

    private final Imports imports;

    ImportPageController(Imports imports) {
        this.imports = imports;
    }

    /** The choices of the upload form, kept when the form is shown again with errors. */
    public record UploadForm(String sourceName, String dateFormat, String encoding, String country, String mappingName) {

        static UploadForm empty() {
            return new UploadForm("", DateFormatChoice.M_D_YYYY.code(), EncodingChoice.DETECT.code(), "US", "");
        }
    }

    // TODO: offer the list of imports as CSV, as each import's report already is.
    @GetMapping("/imports")
    String list(@RequestParam(required = false) ImportStatus status, @RequestParam(required = false) Integer page,
                Model model) {
        model.addAttribute("jobs", imports.list(status, PageRequest.of(page, 20)));
        model.addAttribute("status", status);
        model.addAttribute("statuses", ImportStatus.values());
        model.addAttribute("times", new Times());
        return "imports/list";
    }

    @GetMapping("/imports/new")
    String uploadForm(Model model) {
        return showUploadForm(model, UploadForm.empty(), Map.of());
    }

    @PostMapping("/imports")
    String upload(@RequestParam(required = false) MultipartFile file, UploadForm form,
                  @AuthenticationPrincipal CurrentUser user, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            return showUploadForm(model, form, Map.of("file", "Choose a CSV file to upload. The file was missing or empty."));
        }
        try {
            ImportJob job = imports.uploadDraft(new ImportUpload(file.getOriginalFilename(), file.getBytes(),
                    form.sourceName(), form.encoding(), form.dateFormat(), form.country(), null, form.mappingName()), user);
            return "redirect:/imports/" + job.id() + "/mapping";
        } catch (InvalidInputException invalid) {
            log.info("Upload by user {} rejected: {} problem(s)", user.id(), invalid.problems().size());
            Map<String, String> errors = new LinkedHashMap<>();
            invalid.problems().forEach(problem -> errors.merge(uploadField(problem.field()), problem.message(), (a, b) -> a + " " + b));
            return showUploadForm(model, form, errors);
        }
    }

    @PostMapping("/imports/{id}/discard")
    String discardDraft(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        ImportJob job = imports.discardDraft(id, user);

        redirect.addFlashAttribute("notice", "Discarded the upload of '" + job.sourceName() + "' before it started.");
        return "redirect:/imports";
    }

    @GetMapping("/imports/{id}/mapping")
    String mappingForm(@PathVariable long id, Model model) {
        ImportJob job = imports.find(id);
        if (job.status() != ImportStatus.DRAFT) {
            return "redirect:/imports/" + id;
        }
        ColumnMapping mapping = imports.proposedMapping(job);
        Map<String, String> problems = new LinkedHashMap<>();
        mapping.problems().forEach(problem -> problems.merge(problem.field(), problem.message(), (a, b) -> a + " " + b));
        return showMappingForm(model, job, mapping.toCodes(), problems, "");
    }

    @PostMapping("/imports/{id}/mapping")
    String confirmMapping(@PathVariable long id, @RequestParam Map<String, String> parameters,
                          @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        ImportJob job = imports.find(id);
        Map<String, String> choices = new LinkedHashMap<>();
        for (int i = 0; i < job.headers().size(); i++) {
            choices.put(job.headers().get(i), parameters.get(MAPPING_FIELD_PREFIX + i));
        }
        String saveAs = parameters.get("saveAs");
        try {
            imports.confirmMapping(id, choices, saveAs, user);
        } catch (InvalidInputException invalid) {
            log.info("Mapping of import {} by user {} rejected: {} problem(s)", id, user.id(), invalid.problems().size());
            Map<String, String> errors = new LinkedHashMap<>();
            invalid.problems().forEach(problem -> errors.merge(problem.field(), problem.message(), (a, b) -> a + " " + b));
            return showMappingForm(model, job, choices, errors, saveAs);
        }
        redirect.addFlashAttribute("notice", "Started import " + id + " of '" + job.sourceName() + "': "
                + String.format(Locale.US, "%,d", job.totalRows()) + (job.totalRows() == 1 ? " row" : " rows") + " to read." + (saveAs == null || saveAs.isBlank() ? "" : " The mapping is saved as '" + saveAs.strip() + "'."));
        return "redirect:/imports/" + id;
    }

    @GetMapping("/imports/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) RowIssue.Severity severity, Model model) {
        ImportJob job = imports.find(id);
        model.addAttribute("job", job);
        model.addAttribute("times", new Times());
        if (job.status().isFinished()) {
            model.addAttribute("issues", imports.issues(id, severity, PageRequest.of(page, 50)));
            model.addAttribute("severity", severity);
        }
        return "imports/show";
    }

    @GetMapping("/imports/{id}/progress")
    String progress(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
                    Model model, HttpServletResponse response) {
        ImportJob job = imports.find(id);
        if (htmx != null && job.status().isFinished()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("job", job);
        model.addAttribute("times", new Times());
        return "imports/_progress :: progress";
    }

    @GetMapping("/imports/{id}/report.csv")
    void reportCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        ImportApiController.writeCsv(imports, id, response);
    }

    private String showUploadForm(Model model, UploadForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("dateFormats", DateFormatChoice.values());
        model.addAttribute("encodings", EncodingChoice.values());
        model.addAttribute("savedMappings", imports.savedMappings());
        return "imports/new";
    }

    private String showMappingForm(Model model, ImportJob job, Map<String, String> choices, Map<String, String> errors,
                                   String saveAs) {
        model.addAttribute("job", job);
        model.addAttribute("choices", choices);
        model.addAttribute("errors", errors);
        model.addAttribute("saveAs", saveAs == null ? "" : saveAs);
        model.addAttribute("fields", Arrays.stream(ImportField.values()).toList());
        model.addAttribute("fieldPrefix", MAPPING_FIELD_PREFIX);
        return "imports/mapping";
    }

    private static String uploadField(String field) {
        return List.of("file", "sourceName", "dateFormat", "encoding", "country", "mappingName").contains(field) ? field : "file";
    }

    /** Formats instants and durations for the pages, with the zone abbreviation. */
    public static final class Times {

        private final ZoneId zone = ZoneId.systemDefault();

        public String format(Instant instant) {
            return instant == null ? "" : TIME.format(instant.atZone(zone));
        }

        public String format(Duration duration) {
            if (duration == null) {
                return "";
            }
            long seconds = duration.toSeconds();
            return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
        }
    }
}
