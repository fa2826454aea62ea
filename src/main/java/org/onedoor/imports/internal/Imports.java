package org.onedoor.imports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.ConflictException;
import org.onedoor.shared.InvalidInputException;
import org.onedoor.shared.InvalidInputException.FieldProblem;
import org.onedoor.shared.NotFoundException;
import org.onedoor.shared.PageRequest;
import org.onedoor.shared.ResultPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts imports from uploaded files and reads their progress and reports. A file is checked before anything is
 * written: its encoding, its CSV syntax and its column mapping.
 */
@Service
public class Imports {

    private static final Logger log = LoggerFactory.getLogger(Imports.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ImportJobs jobs;

    Imports(ImportJobs jobs) {
        this.jobs = jobs;
    }

    /**
     * Checks the file and its mapping and queues the import.
     *
     * @throws InvalidInputException naming each header that maps to nothing or a missing legal name column, before
     *                               any job is stored
     */
    public ImportJob startImport(ImportUpload upload, CurrentUser user) {
        CheckedFile file = check(upload);
        ColumnMapping mapping = ColumnMapping.withChoices(file.csv().headers(), file.choices());
        List<FieldProblem> problems = mapping.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        long id = jobs.insert(file.newJob(mapping.toCodes(), user));
        log.info("Import {} queued by user {} with {} rows", id, user.id(), file.totalRows());
        return find(id);
    }

    /** Checks the file and stores it as a draft that waits for the user to confirm the column mapping. */
    public ImportJob uploadDraft(ImportUpload upload, CurrentUser user) {
        CheckedFile file = check(upload);

        long id = jobs.insert(file.newJob(null, user));
        log.info("Import {} uploaded by user {} with {} rows, waiting for its mapping", id, user.id(), file.totalRows());
        return find(id);
    }

    /** Returns the mapping to show for a draft: the saved mapping it was uploaded with, over the suggestions. */
    public ColumnMapping proposedMapping(ImportJob job) {
        Map<String, ImportField> choices = new LinkedHashMap<>();
        if (job.mappingName() != null) {
            jobs.findSavedMapping(job.mappingName()).ifPresent(saved -> choices.putAll(ImportRunner.fields(saved.columns())));
        }
        choices.putAll(ImportRunner.fields(job.mapping()));
        return ColumnMapping.withChoices(job.headers(), choices);
    }

    /**
     * Queues a draft with the mapping the user confirmed, saving the mapping under {@code saveAs} when given.
     *
     * @param choices header to field code, one per header
     * @throws InvalidInputException when a header maps to nothing, a field is chosen twice or no column is the legal name
     * @throws ConflictException when the job was already started
     */
    public ImportJob confirmMapping(long id, Map<String, String> choices, String saveAs, CurrentUser user) {
        ImportJob job = find(id);
        if (job.status() != ImportStatus.DRAFT) {
            throw new ConflictException("Import " + id + " has already started (status " + job.status().label()
                    + "). Upload the file again to import it with another mapping.");
        }
        Map<String, ImportField> fields = new LinkedHashMap<>();
        for (String header : job.headers()) {
            String code = choices.get(header);
            if (code != null && !code.isBlank()) {
                fields.put(header, ImportField.ofCode(code).orElseThrow(() -> unknownField(header, code)));
            }
        }
        ColumnMapping mapping = new ColumnMapping(job.headers(), fields);
        List<FieldProblem> problems = mapping.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        String name = saveAs == null || saveAs.isBlank() ? job.mappingName() : saveAs.strip();
        if (saveAs != null && !saveAs.isBlank()) {
            jobs.saveMapping(name, mapping.toCodes(), user.id());
        }
        if (!jobs.queue(id, mapping.toCodes(), name)) {
            throw new ConflictException("Import " + id + " has already started. Upload the file again to import it with another mapping.");
        }
        log.info("Import {} queued by user {} after its mapping was confirmed", id, user.id());
        return find(id);
    }

    /**
     * Discards an upload that still waits for its column mapping, so it leaves the list of imports.
     *
     * @throws ConflictException when the import has already started
     */
    public ImportJob discardDraft(long id, CurrentUser user) {
        ImportJob job = find(id);

        if (!jobs.deleteDraft(id)) {
            throw new ConflictException("Import " + id + " has already started (status " + find(id).status().label()
                    + "), so it cannot be discarded. Its report stays in the list of imports.");
        }

        log.info("Draft import {} discarded by user {}", id, user.id());
        return job;
    }

    // NOTE: every signed-in staff member may see every import; imports are not yet limited to the uploader's partner.
    public ImportJob find(long id) {
        return jobs.find(id).orElseThrow(() -> NotFoundException.of("Import", id));
    }

    public ResultPage<ImportJob> list(ImportStatus status, PageRequest page) {
        return jobs.list(status, page);
    }

    public ResultPage<RowIssue> issues(long id, RowIssue.Severity severity, PageRequest page) {
        find(id);
        return jobs.issues(id, severity, page);
    }

    public List<ImportJobs.SavedMapping> savedMappings() {
        return jobs.savedMappings();
    }

    /** Writes the per-row report as CSV: one line per row and issue, rows without issues on a line of their own. */
    public void writeReport(long id, Writer out) {
        find(id);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("line", "outcome", "business_id", "legal_name", "match_reason", "severity", "column", "value", "reason")
                .get())) {
            jobs.forEachReportLine(id, line -> {
                try {
                    printer.printRecord(line.lineNumber(), line.outcome(), line.businessId(), line.legalName(),
                            line.matchReason(), line.severity(), line.column(), line.value(), line.reason());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CheckedFile check(ImportUpload upload) {
        List<FieldProblem> problems = new ArrayList<>();
        if (upload.content() == null || upload.content().length == 0) {
            throw new InvalidInputException("file", "The file is missing or empty. Choose a CSV file whose first line names the columns.");
        }
        EncodingChoice encoding = EncodingChoice.ofCode(upload.encoding()).orElse(null);
        if (encoding == null) {
            problems.add(new FieldProblem("encoding", "Encoding '" + upload.encoding() + "' is not supported. Use detect, UTF-8 or windows-1252."));
        }
        DateFormatChoice dateFormat = upload.dateFormat() == null || upload.dateFormat().isBlank()
                ? DateFormatChoice.ISO
                : DateFormatChoice.ofCode(upload.dateFormat()).orElse(null);
        if (dateFormat == null) {
            problems.add(new FieldProblem("dateFormat", "Date format '" + upload.dateFormat()
                    + "' is not supported. Use M/D/YY, M/D/YYYY, D/M/YYYY or YYYY-MM-DD."));
        }
        String country = upload.country() == null || upload.country().isBlank() ? "US" : upload.country().strip().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            problems.add(new FieldProblem("country", "Country '" + upload.country() + "' is invalid. Use a two-letter ISO code such as US or CA."));
        }
        Map<String, ImportField> choices = new LinkedHashMap<>();
        String mappingName = upload.mappingName() == null || upload.mappingName().isBlank() ? null : upload.mappingName().strip();
        if (mappingName != null) {
            jobs.findSavedMapping(mappingName).ifPresentOrElse(
                    saved -> choices.putAll(ImportRunner.fields(saved.columns())),
                    () -> problems.add(new FieldProblem("mappingName", "No saved mapping is named '" + upload.mappingName()
                            + "'. Choose one of the saved mappings or leave it empty for the automatic mapping.")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        rejectBinary(upload);
        DecodedFile decoded = DecodedFile.decode(upload.content(), encoding);
        CsvFile csv = CsvFile.of(decoded.text());
        choices.putAll(parseMapping(upload.mappingJson(), csv.headers()));
        int totalRows = countRows(csv);
        String sourceName = upload.sourceName() == null || upload.sourceName().isBlank()
                ? (upload.fileName() == null || upload.fileName().isBlank() ? "Uploaded file" : upload.fileName())
                : upload.sourceName().strip();
        return new CheckedFile(upload, csv, decoded, encoding, dateFormat, country, choices, mappingName, sourceName, totalRows);
    }

    /**
     * Rejects a file that is not text, such as a spreadsheet or an image. CSV text has no control bytes below 0x20
     * other than tab, line feed, form feed and carriage return; the first 64 KiB are checked.
     */
    private static void rejectBinary(ImportUpload upload) {
        byte[] content = upload.content();
        int limit = Math.min(content.length, 64 * 1024);
        for (int i = 0; i < limit; i++) {
            int value = content[i] & 0xFF;
            boolean control = value < 0x20 && value != '\t' && value != '\n' && value != '\r' && value != 0x0C;
            if (control) {
                throw new InvalidInputException("file", "File '" + upload.fileName() + "' is not a CSV text file: it has the "
                        + "binary byte 0x" + String.format("%02X", value) + " at position " + i + ". Save the list as CSV "
                        + "(comma-separated values) from your spreadsheet program and upload that file.");
            }
        }
    }

    /** Reads every record once, so a file with broken quoting is rejected at upload with the line it breaks on. */
    private static int countRows(CsvFile csv) {
        int rows = 0;
        int lastLine = 1;
        try {
            for (SourceRow row : csv.rows()) {
                rows++;
                lastLine = row.lineNumber();
            }
        } catch (UncheckedIOException | IllegalStateException broken) {
            log.info("Upload rejected: the CSV cannot be read after line {}", lastLine);
            throw new InvalidInputException("file", "The file cannot be read as CSV after line " + lastLine
                    + ", for example because a quoted field is not closed. Fix the quotes and upload it again.");
        }
        return rows;
    }

    private static Map<String, ImportField> parseMapping(String mappingJson, List<String> headers) {
        if (mappingJson == null || mappingJson.isBlank()) {
            return Map.of();
        }
        Map<String, String> codes;
        try {
            codes = JSON.readValue(mappingJson, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JacksonException invalidJson) {
            throw new InvalidInputException("mapping", "The mapping is not a JSON object of header to field code, such as "
                    + "{\"Business Name\": \"legal-name\", \"X\": \"ignore\"}.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, ImportField> fields = new LinkedHashMap<>();
        codes.forEach((header, code) -> {
            if (!headers.contains(header)) {
                problems.add(new FieldProblem("mapping", "The mapping names header '" + header + "', which the file does "
                        + "not have. Use one of: " + String.join(", ", headers) + "."));
                return;
            }
            ImportField.ofCode(code).ifPresentOrElse(field -> fields.put(header, field),
                    () -> problems.add(unknownField(header, code).problems().get(0)));
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return fields;
    }

    private static InvalidInputException unknownField(String header, String code) {
        return new InvalidInputException(header, "Field '" + code + "' for header '" + header + "' is unknown. Use one of: "
                + String.join(", ", ImportField.codes()) + ".");
    }

    private record CheckedFile(ImportUpload upload, CsvFile csv, DecodedFile decoded, EncodingChoice encoding,
                               DateFormatChoice dateFormat, String country, Map<String, ImportField> choices,
                               String mappingName, String sourceName, int totalRows) {

        ImportJobs.NewJob newJob(Map<String, String> mapping, CurrentUser user) {
            return new ImportJobs.NewJob(sourceName, upload.fileName(), upload.content(), csv.headers(), encoding,
                    decoded.encoding(), dateFormat, country, mapping, mappingName, totalRows, user.id(), user.partnerId());
        }
    }
}
