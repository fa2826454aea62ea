package org.onedoor.imports.internal;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls the import job queue on its own thread, so a long import never holds up the application's scheduled tasks,
 * and runs the jobs it claims one after another.
 */
@Component
class ImportWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final ImportsProperties properties;
    private final String workerId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private ScheduledExecutorService executor;

    ImportWorker(ImportJobs jobs, ImportRunner runner, ImportsProperties properties) {
        this.jobs = jobs;
        this.runner = runner;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (!properties.workerEnabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "import-worker");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::runWaitingJobs, interval, interval, TimeUnit.MILLISECONDS);
        log.info("Import worker {} started, polling every {} ms", workerId, interval);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
            log.info("Import worker {} stopped", workerId);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void runWaitingJobs() {
        try {
            Optional<Long> claimed = jobs.claim(workerId, properties.staleAfter());
            while (claimed.isPresent() && !Thread.currentThread().isInterrupted()) {
                runOne(claimed.get());
                claimed = jobs.claim(workerId, properties.staleAfter());
            }
        } catch (RuntimeException failure) {
            log.warn("Import worker {} could not poll the job queue; it tries again in {}", workerId,
                    properties.pollInterval(), failure);
        }
    }

    private void runOne(long importId) {
        try {
            runner.run(importId, workerId, Integer.MAX_VALUE);
        } catch (RuntimeException failure) {
            log.error("Import {} failed in worker {}", importId, workerId, failure);
            jobs.fail(importId, workerId, "The import stopped because of an unexpected error. Rows already written "
                    + "are kept; the server log names the error for import " + importId + ".");
        }
    }
}
