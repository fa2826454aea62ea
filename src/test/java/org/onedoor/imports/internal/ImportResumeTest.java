package org.onedoor.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A job left RUNNING by a stopped instance is claimed again once its heartbeat is stale, and the lines already
 * written are skipped, so no row is written twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportResumeTest {

    @Autowired
    ImportJobs jobs;

    @Autowired
    ImportRunner runner;

    @Autowired
    JdbcClient jdbc;

    @Test
    void staleRunningJobResumesWithoutDuplicates() {
        long id = runningJob("imports/messy-values.csv", "stopped-worker");

        boolean finished = runner.run(id, "stopped-worker", 3);

        assertThat(finished).isFalse();
        List<Map<String, Object>> before = rows(id);
        assertThat(before).hasSize(3);

        jdbc.sql("UPDATE import_job SET heartbeat_at = now() - interval '1 hour' WHERE id = :id").param("id", id).update();
        ImportJob done = waitUntilFinished(id);

        assertThat(done.status()).isEqualTo(ImportStatus.DONE);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.counts().rowsRead()).isEqualTo(6);
        List<Map<String, Object>> after = rows(id);
        assertThat(after).hasSize(6);
        assertThat(after.subList(0, 3)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM business_source_record WHERE import_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(5L);
        assertThat(jdbc.sql("SELECT count(DISTINCT line_number) FROM business_source_record WHERE import_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(5L);
        assertThat(jdbc.sql("SELECT count(*) FROM import_issue WHERE import_id = :id AND line_number = 2")
                .param("id", id).query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT count(DISTINCT reason) FROM import_issue WHERE import_id = :id AND line_number = 2")
                        .param("id", id).query(Long.class).single());
    }

    @Test
    void claimSkipsJobHeldByLiveWorker() {
        long id = runningJob("imports/utf8-without-bom.csv", "live-worker");

        List<Long> claimed = List.of();
        for (int i = 0; i < 3; i++) {
            claimed = jobs.claim("other-worker", Duration.ofMinutes(1)).stream().toList();
            if (claimed.contains(id)) {
                break;
            }
        }

        assertThat(claimed).doesNotContain(id);
        jdbc.sql("UPDATE import_job SET status = 'FAILED', failure_reason = 'test cleanup' WHERE id = :id").param("id", id).update();
    }

    /** Stores a job as RUNNING and claimed by {@code workerId} with a fresh heartbeat, as a worker would after claiming it. */
    private long runningJob(String resource, String workerId) {
        byte[] content = Fixtures.bytes(resource);
        CsvFile csv = Fixtures.csv(resource);
        int total = 0;
        for (SourceRow ignored : csv.rows()) {
            total++;
        }
        long id = jobs.insert(new ImportJobs.NewJob("resume-" + UUID.randomUUID(), "resume.csv", content, csv.headers(),
                EncodingChoice.DETECT, "UTF-8", DateFormatChoice.M_D_YY, "US", null, null, total, null, null));
        jdbc.sql("""
                        UPDATE import_job SET status = 'RUNNING', mapping = CAST(:mapping AS jsonb), claimed_by = :worker,
                                              heartbeat_at = now(), started_at = now(), queued_at = now(), attempts = 1
                        WHERE id = :id""")
                .param("id", id)
                .param("worker", workerId)
                .param("mapping", tools.jackson.databind.json.JsonMapper.builder().build()
                        .writeValueAsString(ColumnMapping.suggest(csv.headers()).toCodes()))
                .update();
        return id;
    }

    private List<Map<String, Object>> rows(long id) {
        return jdbc.sql("SELECT line_number, outcome, business_id FROM import_row WHERE import_id = :id ORDER BY line_number")
                .param("id", id)
                .query()
                .listOfRows();
    }

    private ImportJob waitUntilFinished(long id) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            ImportJob job = jobs.find(id).orElseThrow();
            if (job.status().isFinished()) {
                return job;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Import " + id + " was not taken up again within three minutes");
    }
}
