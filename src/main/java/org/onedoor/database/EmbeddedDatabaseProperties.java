package org.onedoor.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL server that OneDoor starts when {@code spring.datasource.url} is not set.
 *
 * @param dataDir folder for OneDoor's files; the server's data folder is {@code dataDir/postgres}
 * @param databaseName database created inside the embedded server on first start
 * @param startupWait maximum time to wait for the server to accept connections
 * @param cleanDataDir whether to delete the server's data folder before the first start in this JVM; the tests
 *                     set it so that every run begins on an empty database
 */
@ConfigurationProperties("onedoor")
public record EmbeddedDatabaseProperties(Path dataDir, String databaseName, Duration startupWait, boolean cleanDataDir) {

    public EmbeddedDatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (databaseName == null || databaseName.isBlank()) {
            databaseName = "onedoor";
        }
        if (startupWait == null) {
            startupWait = Duration.ofSeconds(60);
        }
    }

    Path postgresDir() {
        return dataDir.resolve("postgres");
    }
}
