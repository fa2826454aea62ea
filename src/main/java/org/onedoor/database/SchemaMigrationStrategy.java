package org.onedoor.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Checks that the server is PostgreSQL 15 or newer, runs the schema migrations, then the demo area from
 * {@code classpath:db/demo} with its own history table.
 * The demo area loads only into a database that was empty before this start, or that already has it, so it never
 * mixes into a database that contains real data.
 */
@Component
class SchemaMigrationStrategy implements FlywayMigrationStrategy {

    static final String DEMO_HISTORY_TABLE = "flyway_demo_history";

    /** Oldest PostgreSQL release OneDoor supports, as {@code server_version_num}. */
    static final int MIN_SERVER_VERSION = 150000;

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrationStrategy.class);

    private final boolean demoDataEnabled;

    SchemaMigrationStrategy(@Value("${onedoor.demo-data:true}") boolean demoDataEnabled) {
        this.demoDataEnabled = demoDataEnabled;
    }

    @Override
    public void migrate(Flyway flyway) {
        checkServerVersion(flyway);

        MigrateResult schema = flyway.migrate();
        boolean databaseWasEmpty = schema.initialSchemaVersion == null;

        if (!demoDataEnabled) {
            log.info("Demo data is turned off (ONEDOOR_DEMO_DATA=false)");
            return;
        }
        if (!databaseWasEmpty && !hasDemoHistory(flyway)) {
            log.info("Skipping the demo area because the database already held data before this start");
            return;
        }

        MigrateResult demo = Flyway.configure()
                .configuration(flyway.getConfiguration())
                .locations("classpath:db/demo")
                .table(DEMO_HISTORY_TABLE)
                // The schema is never empty here, so the demo history starts from a baseline at version 0.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        log.info("Demo area migrations applied: {}", demo.migrationsExecuted);
    }

    private static void checkServerVersion(Flyway flyway) {
        int version;
        String readable;
        try (Connection connection = flyway.getConfiguration().getDataSource().getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT current_setting('server_version_num')::int, current_setting('server_version')")) {
            rows.next();
            version = rows.getInt(1);
            readable = rows.getString(2);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the PostgreSQL server version. Check spring.datasource.url, "
                    + "spring.datasource.username and spring.datasource.password", e);
        }
        if (version < MIN_SERVER_VERSION) {
            throw new IllegalStateException("PostgreSQL " + readable + " is too old: OneDoor needs version 15 or newer. "
                    + "Upgrade the server, or remove spring.datasource.url to use the embedded PostgreSQL 17");
        }
        log.info("Using PostgreSQL {}", readable);
    }

    private static boolean hasDemoHistory(Flyway flyway) {
        try (Connection connection = flyway.getConfiguration().getDataSource().getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, DEMO_HISTORY_TABLE, null)) {
            return tables.next();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check for the demo data history table", e);
        }
    }
}
