package org.onedoor.directory.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import org.onedoor.directory.CapacityChanged;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Listens on PostgreSQL's {@code service_capacity} channel, which a trigger notifies on every capacity change,
 * and publishes a {@link CapacityChanged} event in this instance for each notification. So a change made on any
 * instance reaches the pages open on every instance.
 *
 * <p>One background thread keeps one connection of its own, outside the pool, because a listening session must
 * stay open. When the connection fails, the thread reconnects with a backoff from 1 to 30 seconds and then
 * publishes {@link CapacityChanged#everyService()}, because notifications sent while it was away are lost.
 */
@Component
class CapacityChangeListener implements SmartLifecycle {

    static final String CHANNEL = "service_capacity";
    /** The application name of the listening session in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "onedoor-capacity-listener";

    private static final Logger log = LoggerFactory.getLogger(CapacityChangeListener.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration LIVENESS_CHECK = Duration.ofSeconds(30);
    private static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final ApplicationEventPublisher events;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;

    CapacityChangeListener(DataSource dataSource, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "capacity-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread listening = thread;
        if (listening == null) {
            return;
        }
        listening.interrupt();
        try {
            // The thread checks the flag after each poll, so it ends within about one poll interval.
            listening.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (listening.isAlive()) {
            log.warn("The capacity listener did not stop within 5 seconds; closing its connection");
            closeQuietly(connection);
        }
        thread = null;
        log.info("Stopped listening for capacity changes");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        Duration backoff = MIN_BACKOFF;
        boolean firstConnection = true;
        while (running) {
            try (Connection listening = connect()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                log.info("Listening for capacity changes on channel {}", CHANNEL);
                if (!firstConnection) {
                    events.publishEvent(CapacityChanged.everyService());
                }
                firstConnection = false;
                backoff = MIN_BACKOFF;
                receive(listening);
            } catch (SQLException e) {
                if (!running) {
                    break;
                }
                log.warn("Lost the capacity notification connection; reconnecting in {} seconds", backoff.toSeconds(), e);
                if (!sleep(backoff)) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
    }

    private void receive(Connection listening) throws SQLException {
        PGConnection postgres = listening.unwrap(PGConnection.class);
        long lastCheck = System.nanoTime();
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    publish(notification.getParameter());
                }
            }
            // A connection dropped without a TCP reset does not make the poll fail, so it is validated every 30 seconds.
            if (System.nanoTime() - lastCheck > LIVENESS_CHECK.toNanos()) {
                if (!listening.isValid(5)) {
                    throw new SQLException("The listening connection failed its validity check");
                }
                lastCheck = System.nanoTime();
            }
        }
    }

    private void publish(String payload) {
        try {
            events.publishEvent(new CapacityChanged(Long.valueOf(payload)));
        } catch (NumberFormatException e) {
            log.warn("Ignored a notification on channel {} with payload '{}', which is not a service id", CHANNEL, payload);
        } catch (RuntimeException e) {
            log.error("A listener failed on the capacity change of service {}", payload, e);
        }
    }

    /**
     * Opens a connection with the pool's URL and credentials when the data source is Hikari (Spring Boot's
     * default), and otherwise borrows one from the data source for as long as it listens.
     */
    private Connection connect() throws SQLException {
        if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            Properties properties = new Properties();
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            properties.setProperty("ApplicationName", APPLICATION_NAME);
            return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        }
        Connection borrowed = dataSource.getConnection();
        borrowed.setAutoCommit(true);
        return borrowed;
    }

    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing the listening connection failed", e);
        }
    }
}
