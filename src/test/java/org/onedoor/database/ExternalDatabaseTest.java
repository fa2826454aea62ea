package org.onedoor.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.OneDoorApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs OneDoor against a PostgreSQL server it did not start, named by {@code spring.datasource.url}.
 */
class ExternalDatabaseTest {

    @TempDir
    Path serverDir;

    @TempDir
    Path dataDir;

    @Test
    void usesConfiguredServerInsteadOfEmbeddedOne() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(serverDir).setCleanDataDirectory(true).start()) {
            external.getPostgresDatabase().getConnection().createStatement().execute("CREATE DATABASE external_onedoor");
            String url = external.getJdbcUrl("postgres", "external_onedoor");

            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OneDoorApplication.class).run(
                    "--server.port=0",
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=",
                    "--onedoor.data-dir=" + dataDir,
                    "--onedoor.admin.email=external@onedoor.test",
                    "--onedoor.admin.password=external-database-password")) {

                JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
                assertThat(jdbc.sql("SELECT current_database()").query(String.class).single()).isEqualTo("external_onedoor");
                assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
                        .isPositive();
                assertThat(jdbc.sql("SELECT email FROM app_user").query(String.class).list())
                        .containsExactly("external@onedoor.test");
            }
            assertThat(Files.exists(dataDir.resolve("postgres"))).as("no embedded server folder was made").isFalse();
        }
    }
}
