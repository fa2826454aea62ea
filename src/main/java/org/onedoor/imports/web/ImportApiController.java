package org.onedoor.imports.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.onedoor.identity.CurrentUser;
import org.onedoor.imports.internal.ImportJob;
import org.onedoor.imports.internal.ImportJobs;
import org.onedoor.imports.internal.ImportStatus;
import org.onedoor.imports.internal.ImportUpload;
import org.onedoor.imports.internal.Imports;
import org.onedoor.imports.internal.RowIssue;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** The import API: upload a business licence list, follow its progress and read its report. Pages: {@code ImportPageController}. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "Business licence CSV imports")
class ImportApiController {

    private final Imports imports;

    ImportApiController(Imports imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/businesses", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a CSV of businesses and queue its import",
            description = "Multipart field 'file' is required. 'mapping' is a JSON object of header to field code over "
                    + "the automatic mapping; 'mappingName' names a saved mapping; 'dateFormat' is M/D/YY, M/D/YYYY, "
                    + "D/M/YYYY or YYYY-MM-DD (default); 'encoding' is detect (default), UTF-8 or windows-1252; "
                    + "'country' is the two-letter country of rows that do not name one (default US). Answers 202 "
                    + "with the job's address, or 400 naming each header that maps to nothing.")
    ResponseEntity<ImportView> upload(@RequestParam(name = "file", required = false) MultipartFile file,
                                      @RequestParam(required = false) String sourceName,
                                      @RequestParam(required = false) String mapping,
                                      @RequestParam(required = false) String mappingName,
                                      @RequestParam(required = false) String dateFormat,
                                      @RequestParam(required = false) String encoding,
                                      @RequestParam(required = false) String country,
                                      @AuthenticationPrincipal CurrentUser user) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "The multipart field 'file' is missing or empty. Send the CSV file in it.");
        }
        ImportJob job = imports.startImport(new ImportUpload(file.getOriginalFilename(), file.getBytes(), sourceName,
                encoding, dateFormat, country, mapping, mappingName), user);

        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(ImportView.of(job));
    }

    @GetMapping
    @Operation(summary = "List imports, newest first")
    ResultPage<ImportView> list(@RequestParam(required = false) ImportStatus status,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        ResultPage<ImportJob> jobs = imports.list(status, PageRequest.of(page, size));
        return new ResultPage<>(jobs.items().stream().map(ImportView::of).toList(), jobs.page(), jobs.size(), jobs.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Show an import's status, progress and counts")
    ImportView show(@PathVariable long id) {
        return ImportView.of(imports.find(id));
    }

    @GetMapping("/{id}/report")
    @Operation(summary = "List an import's rejections and warnings, in line order")
    ResultPage<RowIssue> report(@PathVariable long id, @RequestParam(required = false) RowIssue.Severity severity,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return imports.issues(id, severity, PageRequest.of(page, size));
    }

    @GetMapping("/{id}/report.csv")
    @Operation(summary = "Download the per-row report as CSV")
    void reportCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        writeCsv(imports, id, response);
    }

    @GetMapping("/mappings")
    @Operation(summary = "List the saved column mappings")
    List<ImportJobs.SavedMapping> mappings() {
        return imports.savedMappings();
    }

    static void writeCsv(Imports imports, long id, HttpServletResponse response) throws IOException {
        imports.find(id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-report.csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        imports.writeReport(id, writer);
        writer.flush();
    }
}
