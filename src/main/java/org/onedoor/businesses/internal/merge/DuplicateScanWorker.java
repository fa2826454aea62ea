package org.onedoor.businesses.internal.merge;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.onedoor.businesses.internal.merge.DuplicateReviewService.ScanResult;
import org.onedoor.businesses.internal.merge.DuplicateScanJobs.ScanJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs duplicate scan jobs on its own thread. A claimed scan is checked in batches, each in one transaction with its
 * progress, so a scan left RUNNING by a stopped instance resumes after its last finished batch when claimed again.
 */
@Component
class DuplicateScanWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DuplicateScanWorker.class);

    private final DuplicateScanJobs jobs;
    private final DuplicateReviewService review;
    private final DuplicateScanProperties properties;
    private final TransactionTemplate transactions;
    private final String workerId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private ScheduledExecutorService executor;

    DuplicateScanWorker(DuplicateScanJobs jobs, DuplicateReviewService review, DuplicateScanProperties properties,
                        PlatformTransactionManager transactionManager) {
        this.jobs = jobs;
        this.review = review;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public synchronized void start() {
        if (!properties.workerEnabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "duplicate-scan-worker");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::runWaitingScans, interval, interval, TimeUnit.MILLISECONDS);
        log.info("Duplicate scan worker {} started, polling every {} ms", workerId, interval);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
            log.info("Duplicate scan worker {} stopped", workerId);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void runWaitingScans() {
        try {
            Optional<ScanJob> claimed = jobs.claim(workerId, properties.staleAfter());
            while (claimed.isPresent() && !Thread.currentThread().isInterrupted()) {
                runOne(claimed.get());
                claimed = jobs.claim(workerId, properties.staleAfter());
            }
        } catch (RuntimeException failure) {
            log.warn("Duplicate scan worker {} could not poll the scan queue; it tries again in {}", workerId,
                    properties.pollInterval(), failure);
        }
    }

    private void runOne(ScanJob job) {
        if (job.attempts() > properties.maxAttempts()) {
            log.warn("Duplicate scan {} stopped {} times without finishing; marking it failed", job.id(),
                    job.attempts() - 1);
            jobs.fail(job.id(), "The scan stopped " + (job.attempts() - 1) + " times before it finished, for "
                    + "example because the server restarted while it ran. Pairs found so far are in the queue. Start "
                    + "a new scan to check the remaining businesses.");
            return;
        }
        if (job.attempts() > 1) {
            log.info("Duplicate scan {} resumed by worker {} after business {}", job.id(), workerId,
                    jobs.lastBusinessId(job.id()));
        }
        try {
            run(job);
        } catch (RuntimeException failure) {
            if (Thread.currentThread().isInterrupted()) {
                // The instance is stopping: the scan stays RUNNING and resumes after its last saved batch.
                log.warn("Duplicate scan {} interrupted in worker {} while stopping; it resumes later", job.id(),
                        workerId, failure);
                return;
            }
            log.error("Duplicate scan {} failed in worker {}", job.id(), workerId, failure);
            jobs.fail(job.id(), "The scan stopped because of an unexpected error. Pairs found so far are in the "
                    + "queue; the server log names the error for scan " + job.id() + ".");
        }
    }

    /** Scans batch after batch from the saved position until the range ends or another worker takes the scan. */
    void run(ScanJob job) {
        jobs.countBusinesses(job.id());
        long position = jobs.lastBusinessId(job.id());
        while (!Thread.currentThread().isInterrupted()) {
            long from = position;
            ScanResult batch = transactions.execute(status -> {
                ScanResult result = review.scan(from, job.toId(), properties.batchSize());
                long last = result.lastCheckedId() == null ? from : result.lastCheckedId();
                if (!jobs.recordBatch(job.id(), workerId, last, result.businessesChecked(), result.pairsFound())) {
                    status.setRollbackOnly();
                    return null;
                }
                return result;
            });
            if (batch == null) {
                log.info("Duplicate scan {} was claimed by another worker; worker {} stops it", job.id(), workerId);
                return;
            }
            if (!batch.more()) {
                if (jobs.finish(job.id(), workerId)) {
                    ScanJob done = jobs.find(job.id());
                    log.info("Duplicate scan {} finished: {} businesses scanned, {} pairs found", job.id(),
                            done.businessesScanned(), done.pairsFound());
                }
                return;
            }
            position = batch.lastCheckedId();
        }
    }
}
