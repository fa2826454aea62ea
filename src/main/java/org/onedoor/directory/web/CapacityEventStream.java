package org.onedoor.directory.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.onedoor.directory.CapacityChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.annotation.PreDestroy;

/**
 * Fans capacity changes out to the server-sent event subscribers of this instance. Each change becomes a
 * {@code capacity} event with data {@code {"serviceId":17}}, or {@code {"serviceId":null}} when every service
 * should be read again. A comment line every 15 seconds keeps idle connections open through proxies and finds
 * subscribers that went away. One thread sends everything, so the listener thread never waits for a slow client.
 * On shutdown the streams end before the web server's graceful shutdown starts, which otherwise waits for every
 * open stream until its timeout.
 */
@Component
class CapacityEventStream implements SmartLifecycle {

    /** After this long a stream ends and the browser's EventSource opens a new one, which rechecks the session. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    /** How long the browser waits before reconnecting after a stream ended or failed. */
    static final long RECONNECT_MILLIS = 3000;

    private static final Logger log = LoggerFactory.getLogger(CapacityEventStream.class);

    private volatile boolean running;
    private final Set<SseEmitter> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "capacity-events");
        thread.setDaemon(true);
        return thread;
    });

    /** Opens a stream for one browser, which receives every capacity change from now on. */
    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> {
            subscribers.remove(emitter);
            emitter.complete();
        });
        emitter.onError(error -> subscribers.remove(emitter));
        subscribers.add(emitter);
        send(emitter, SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("connected"));
        return emitter;
    }

    /** Returns the number of open streams on this instance. */
    int subscriberCount() {
        return subscribers.size();
    }

    @EventListener
    void capacityChanged(CapacityChanged change) {
        String data = "{\"serviceId\":" + change.serviceId() + "}";
        sendToAll(() -> SseEmitter.event().name("capacity").data(data));
    }

    @Scheduled(fixedDelay = 15_000, initialDelay = 15_000)
    void heartbeat() {
        sendToAll(() -> SseEmitter.event().comment("heartbeat"));
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream. Browsers reconnect after {@link #RECONNECT_MILLIS}, to another instance if needed. */
    @Override
    public void stop() {
        running = false;
        subscribers.forEach(SseEmitter::complete);
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void close() {
        sender.shutdownNow();
    }

    private void sendToAll(java.util.function.Supplier<SseEmitter.SseEventBuilder> event) {
        try {
            sender.execute(() -> subscribers.forEach(emitter -> send(emitter, event.get())));
        } catch (RejectedExecutionException e) {
            log.debug("Dropped a capacity event during shutdown");
        }
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // The browser closed the connection or the stream already ended.
            subscribers.remove(emitter);
            log.debug("Removed a capacity event subscriber: {}", e.toString());
        }
    }
}
