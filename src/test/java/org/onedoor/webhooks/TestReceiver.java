package org.onedoor.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1 with a port of its own. It returns 500 to as many requests as
 * {@link #failNext} sets, then 200, and records each request. It also records idempotency keys that arrived in
 * overlapping requests.
 */
final class TestReceiver implements AutoCloseable {

    /** One received request. */
    record Received(String idempotencyKey, String event, String timestamp, String signature, String contentType,
                    String body, int answeredStatus) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger arrivals = new AtomicInteger();
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> overlaps = new ConcurrentHashMap<>();
    private volatile Duration delay = Duration.ZERO;
    private volatile Duration slowFirst = Duration.ZERO;

    TestReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/events", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    /** Returns status 500 to the next {@code count} requests. */
    void failNext(int count) {
        failuresLeft.set(count);
    }

    /** Sets the delay before each response. */
    void answerAfter(Duration wait) {
        delay = wait;
    }

    /** Sets a delay before the next response only, so that the sender times out once. */
    void stallNext(Duration wait) {
        slowFirst = wait;
    }

    /** Returns how many requests arrived, including those still waiting for their response. */
    int arrivals() {
        return arrivals.get();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(Predicate<Received> filter) {
        return received.stream().filter(filter).toList();
    }

    /** Returns the idempotency keys that arrived in two requests that overlapped in time. */
    Set<String> overlappingKeys() {
        return Set.copyOf(overlaps.keySet());
    }

    private void handle(HttpExchange exchange) throws IOException {
        arrivals.incrementAndGet();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key != null && !inProgress.add(key)) {
            overlaps.merge(key, 1, Integer::sum);
        }
        try (exchange; InputStream input = exchange.getRequestBody()) {
            String body = new String(input.readAllBytes(), StandardCharsets.UTF_8);
            Duration wait = slowFirst;
            slowFirst = Duration.ZERO;
            pause(wait.isZero() ? delay : wait);

            int status = failuresLeft.getAndUpdate(left -> Math.max(left - 1, 0)) > 0 ? 500 : 200;
            received.add(new Received(key, exchange.getRequestHeaders().getFirst("OneDoor-Event"),
                    exchange.getRequestHeaders().getFirst("OneDoor-Timestamp"),
                    exchange.getRequestHeaders().getFirst("OneDoor-Signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, status));
            exchange.sendResponseHeaders(status, -1);
        } finally {
            if (key != null) {
                inProgress.remove(key);
            }
        }
    }

    private static void pause(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
