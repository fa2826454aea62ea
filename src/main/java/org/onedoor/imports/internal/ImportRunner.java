package org.onedoor.imports.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onedoor.businesses.BatchRegistration;
import org.onedoor.businesses.BusinessRegistry;
import org.onedoor.businesses.PlaceholderNames;
import org.onedoor.businesses.Registration;
import org.onedoor.businesses.SourceReference;
import org.onedoor.reference.ReferenceData;
import org.onedoor.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one claimed import job. Records are cleaned and registered in batches of up to {@link #BATCH_SIZE}, each
 * batch in one transaction together with its import rows and issues, so a job taken up again skips the lines already
 * written and never half a batch. A batch that the database rejects is rolled back and written again one record per
 * transaction, so a failing record leaves nothing half-written and costs only itself.
 */
@Component
public class ImportRunner {

    /**
     * Records per transaction. A batch shares one commit, registers its records with a fixed number of statements
     * ({@link BusinessRegistry#registerAll}) and writes its import rows and issues in one statement each, so a larger
     * batch spends fewer statements per record. A batch that fails is written again one record at a time, which
     * costs more the larger the batch is.
     */
    static final int BATCH_SIZE = 500;

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportJobs jobs;
    private final BusinessRegistry registry;
    private final ReferenceData referenceData;
    private final TransactionTemplate transactions;
    private final Duration heartbeatInterval;

    ImportRunner(ImportJobs jobs, BusinessRegistry registry, ReferenceData referenceData,
                 TransactionTemplate transactions, ImportsProperties properties) {
        this.jobs = jobs;
        this.registry = registry;
        this.referenceData = referenceData;
        this.transactions = transactions;
        this.heartbeatInterval = properties.heartbeatInterval();
    }

    /**
     * Runs the job claimed by {@code workerId} to its end, or until {@code rowLimit} records have been written in
     * this call, which leaves the job RUNNING as a stopped instance would.
     *
     * @return {@code true} when the job finished in this call
     */
    public boolean run(long importId, String workerId, int rowLimit) {
        ImportJob job = jobs.find(importId).orElseThrow();
        log.info("Import {} started by worker {} (attempt {})", importId, workerId, job.attempts());

        DecodedFile decoded = DecodedFile.decode(jobs.content(importId), job.encodingChoice());
        CsvFile csv = CsvFile.of(decoded.text());
        ColumnMapping mapping = ColumnMapping.withChoices(csv.headers(), fields(job.mapping()));
        Integer limit = nameLengthLimit(csv, mapping);
        jobs.recordNameLengthLimit(importId, limit);

        Map<String, Boolean> naicsCache = new HashMap<>();
        RowCleaner cleaner = new RowCleaner(mapping, job.dateFormat(), job.countryCode(), limit,
                code -> naicsCache.computeIfAbsent(code, referenceData::isValidNaics));
        Set<Integer> written = jobs.writtenLines(importId);
        if (!written.isEmpty()) {
            log.info("Import {} resumes after {} lines already written", importId, written.size());
        }

        int writtenNow = 0;
        long nextHeartbeat = System.nanoTime() + heartbeatInterval.toNanos();
        List<CleanedRow> batch = new ArrayList<>();
        for (SourceRow row : csv.rows()) {
            if (written.contains(row.lineNumber())) {
                continue;
            }
            if (writtenNow + batch.size() == rowLimit) {
                writeBatch(job, mapping, batch);
                return false;
            }
            batch.add(cleaner.clean(row));
            if (batch.size() < BATCH_SIZE) {
                continue;
            }
            writeBatch(job, mapping, batch);
            writtenNow += batch.size();
            batch.clear();

            if (System.nanoTime() > nextHeartbeat) {
                if (!jobs.heartbeat(importId, workerId)) {
                    log.warn("Import {} was claimed by another worker; worker {} stops at line {}", importId, workerId,
                            row.lineNumber());
                    return false;
                }
                nextHeartbeat = System.nanoTime() + heartbeatInterval.toNanos();
            }
        }
        writeBatch(job, mapping, batch);

        boolean finished = jobs.finish(importId, workerId);
        log.info("Import {} finished by worker {}: {}", importId, workerId, jobs.countRows(importId));
        return finished;
    }

    /**
     * Writes a batch of records in one transaction. A record that the registry rejects as invalid is written as
     * rejected within the batch (the registry checks before it writes anything). When the database rejects the
     * batch, or another worker has written one of its lines, the batch is rolled back and each record is written
     * again on its own.
     */
    private void writeBatch(ImportJob job, ColumnMapping mapping, List<CleanedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            Boolean written = transactions.execute(status -> {
                List<CleanedRow> accepted = rows.stream().filter(row -> !row.isRejected()).toList();
                List<BatchRegistration> registrations = registry.registerAll(
                        accepted.stream().map(CleanedRow::business).toList(),
                        accepted.stream().map(row -> source(job, row)).toList());
                List<ImportJobs.RowOutcome> outcomes = new ArrayList<>();
                List<RowIssue> issues = new ArrayList<>();
                int next = 0;
                for (CleanedRow row : rows) {
                    String legalName = row.business() == null ? null : row.business().legalName();
                    if (row.isRejected()) {
                        outcomes.add(new ImportJobs.RowOutcome(row.lineNumber(), "REJECTED", null, legalName, null));
                        issues.add(row.rejection());
                        issues.addAll(row.warnings());
                        continue;
                    }
                    BatchRegistration outcome = registrations.get(next++);
                    if (outcome.isRejected()) {
                        InvalidInputException invalid = outcome.rejection();
                        log.info("Import {} line {} rejected by the business registry: {}", job.id(), row.lineNumber(),
                                invalid.problems().size() + " problem(s)");
                        outcomes.add(new ImportJobs.RowOutcome(row.lineNumber(), "REJECTED", null, legalName, null));
                        issues.addAll(rejections(row, mapping, invalid));
                        issues.addAll(row.warnings());
                        continue;
                    }
                    Registration registration = outcome.registration();
                    outcomes.add(new ImportJobs.RowOutcome(row.lineNumber(),
                            registration.created() ? "CREATED" : "MATCHED", registration.businessId(), legalName,
                            registration.matchReason()));
                    issues.addAll(withPlaceholderWarning(row, mapping));
                }
                if (!jobs.insertRows(job.id(), outcomes)) {
                    status.setRollbackOnly();
                    return false;
                }
                jobs.insertIssues(job.id(), issues);
                return true;
            });
            if (Boolean.TRUE.equals(written)) {
                return;
            }
            log.info("Import {}: lines {} to {} were partly written already; writing them one by one", job.id(),
                    rows.get(0).lineNumber(), rows.get(rows.size() - 1).lineNumber());
        } catch (DataAccessException failure) {
            log.warn("Import {}: the batch of lines {} to {} could not be written; writing them one by one", job.id(),
                    rows.get(0).lineNumber(), rows.get(rows.size() - 1).lineNumber(), failure);
        }
        rows.forEach(row -> write(job, mapping, row));
    }

    private static SourceReference source(ImportJob job, CleanedRow row) {
        return new SourceReference("IMPORT_ROW", job.sourceName(), job.id(), row.lineNumber(), row.rawValues(),
                job.createdBy(), null);
    }

    /** Writes one record in its own transaction, as a batch that failed is written again. */
    private void write(ImportJob job, ColumnMapping mapping, CleanedRow row) {
        if (row.isRejected()) {
            writeRejected(job.id(), row, List.of(row.rejection()));
            return;
        }
        SourceReference source = source(job, row);
        try {
            transactions.executeWithoutResult(status -> {
                Registration registration = registry.register(row.business(), source);
                boolean inserted = jobs.insertRow(job.id(), row.lineNumber(), registration.created() ? "CREATED" : "MATCHED",
                        registration.businessId(), row.business().legalName(), registration.matchReason());
                if (!inserted) {
                    status.setRollbackOnly();
                    return;
                }
                jobs.insertIssues(job.id(), withPlaceholderWarning(row, mapping));
            });
        } catch (InvalidInputException invalid) {
            log.info("Import {} line {} rejected by the business registry: {}", job.id(), row.lineNumber(),
                    invalid.problems().size() + " problem(s)");
            writeRejected(job.id(), row, rejections(row, mapping, invalid));
        } catch (DataAccessException failure) {
            log.warn("Import {} line {} could not be written", job.id(), row.lineNumber(), failure);
            writeRejected(job.id(), row, List.of(RowIssue.rejection(row.lineNumber(), null, null,
                    "The row could not be saved because the database rejected it. Check the row; the server log names "
                            + "the error for import " + job.id() + " line " + row.lineNumber() + ".")));
        }
    }

    /** Adds a warning to the row's warnings when its business name is placeholder text such as "Case Name". */
    private static List<RowIssue> withPlaceholderWarning(CleanedRow row, ColumnMapping mapping) {
        String legalName = row.business().legalName();
        return PlaceholderNames.reason(legalName)
                .map(reason -> {
                    List<RowIssue> issues = new ArrayList<>(row.warnings());
                    issues.add(RowIssue.warning(row.lineNumber(), mapping.headerOf(ImportField.LEGAL_NAME), legalName,
                            reason));
                    return issues;
                })
                .orElse(row.warnings());
    }

    private void writeRejected(long importId, CleanedRow row, List<RowIssue> rejections) {
        transactions.executeWithoutResult(status -> {
            String legalName = row.business() == null ? null : row.business().legalName();
            if (jobs.insertRow(importId, row.lineNumber(), "REJECTED", null, legalName, null)) {
                List<RowIssue> issues = new ArrayList<>(rejections);
                issues.addAll(row.warnings());
                jobs.insertIssues(importId, issues);
            }
        });
    }

    /** Turns the registry's field problems into rejections, naming the CSV column and its cell when the field has one. */
    private static List<RowIssue> rejections(CleanedRow row, ColumnMapping mapping, InvalidInputException invalid) {
        return invalid.problems().stream()
                .map(problem -> {
                    String header = headerOf(mapping, problem.field());
                    String column = header == null ? problem.field() : header;
                    String value = header == null ? null : row.rawValues().get(header);
                    return RowIssue.rejection(row.lineNumber(), column, value, problem.message());
                })
                .toList();
    }

    private static String headerOf(ColumnMapping mapping, String registryField) {
        ImportField field = switch (registryField) {
            case "legalName" -> ImportField.LEGAL_NAME;
            case "fein" -> ImportField.FEIN;
            case "naicsCode" -> ImportField.NAICS;
            case "phoneE164", "phoneExtension" -> ImportField.PHONE;
            case "address.postalCode" -> ImportField.POSTAL_CODE;
            case "address.countryCode" -> ImportField.COUNTRY;
            default -> null;
        };
        return field == null ? null : mapping.headerOf(field);
    }

    private static Integer nameLengthLimit(CsvFile csv, ColumnMapping mapping) {
        int nameColumn = csv.headers().indexOf(mapping.headerOf(ImportField.LEGAL_NAME));
        NameLengthLimit limit = new NameLengthLimit();
        for (SourceRow row : csv.rows()) {
            limit.add(row.cell(nameColumn));
        }
        return limit.limit();
    }

    static Map<String, ImportField> fields(Map<String, String> codes) {
        Map<String, ImportField> fields = new HashMap<>();
        codes.forEach((header, code) -> ImportField.ofCode(code).ifPresent(field -> fields.put(header, field)));
        return fields;
    }
}
