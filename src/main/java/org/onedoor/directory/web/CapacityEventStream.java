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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.function.ServerResponse.SseBuilder;

import jakarta.annotation.PreDestroy;

/**
 * Fans capacity changes out to the server-sent event subscribers of this instance. Each change becomes a
 * {@code capacity} event with data {@code {"serviceId":17}}, or {@code {"serviceId":null}} when every service
 * should be read again. A comment line every 15 seconds keeps idle connections open through proxies and finds
 * subscribers that went away. One thread sends everything, so the listener thread never waits for a slow client.
 * On shutdown the streams end before the web server's graceful shutdown starts, which otherwise waits for every
 * open stream until its timeout.
 */
@Configuration(proxyBeanMethods = false)
class CapacityEventStream implements SmartLifecycle {

    /** After this long a stream ends and the browser's EventSource opens a new one, which rechecks the session. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    /** How long the browser waits before reconnecting after a stream ended or failed. */
    static final long RECONNECT_MILLIS = 3000;

    private static final Logger log = LoggerFactory.getLogger(CapacityEventStream.class);

    private volatile boolean running;
    private final Set<SseBuilder> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "capacity-events");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Opens a stream for one browser, which receives every capacity change from now on. The stream is a
     * functional endpoint rather than a controller method, so that controller advice that fills page models,
     * which reads the database, runs neither for the stream nor when it ends.
     */
    @Bean
    RouterFunction<ServerResponse> capacityEventRoute() {
        return RouterFunctions.route()
                .GET("/events/capacity", request -> ServerResponse.sse(this::subscribe, STREAM_TIMEOUT))
                .build();
    }

    private void subscribe(SseBuilder stream) {
        stream.onComplete(() -> subscribers.remove(stream));
        stream.onTimeout(() -> {
            subscribers.remove(stream);
            stream.complete();
        });
        stream.onError(error -> subscribers.remove(stream));
        try {
            stream.retry(Duration.ofMillis(RECONNECT_MILLIS)).comment("connected").send();
        } catch (IOException e) {
            log.debug("A capacity event subscriber left at once: {}", e.toString());
            return;
        }
        subscribers.add(stream);
    }

    /** Returns the number of open streams on this instance. */
    int subscriberCount() {
        return subscribers.size();
    }

    @EventListener
    void capacityChanged(CapacityChanged change) {
        String data = "{\"serviceId\":" + change.serviceId() + "}";
        sendToAll(stream -> stream.event("capacity").data(data));
    }

    @Scheduled(fixedDelay = 15_000, initialDelay = 15_000)
    void heartbeat() {
        sendToAll(stream -> stream.comment("heartbeat").send());
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream. Browsers reconnect after {@link #RECONNECT_MILLIS}, to another instance if needed. */
    @Override
    public void stop() {
        running = false;
        int open = subscribers.size();
        subscribers.forEach(SseBuilder::complete);
        subscribers.clear();
        log.info("Ended {} capacity event streams", open);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void close() {
        sender.shutdownNow();
    }

    private void sendToAll(Event event) {
        try {
            sender.execute(() -> subscribers.forEach(stream -> send(stream, event)));
        } catch (RejectedExecutionException e) {
            log.debug("Dropped a capacity event during shutdown");
        }
    }

    private void send(SseBuilder stream, Event event) {
        try {
            event.writeTo(stream);
        } catch (IOException | IllegalStateException e) {
            // The browser closed the connection or the stream already ended. Completing the stream ends the
            // request on the server too; without it, the request stays open until its timeout.
            subscribers.remove(stream);
            log.debug("Removed a capacity event subscriber: {}", e.toString());
            try {
                stream.error(e);
            } catch (RuntimeException alreadyEnded) {
                log.trace("The stream had already ended", alreadyEnded);
            }
        }
    }

    /** One event or comment, written by the sender thread, the only thread that writes to a subscribed stream. */
    @FunctionalInterface
    private interface Event {
        void writeTo(SseBuilder stream) throws IOException;
    }
}
