package org.onedoor.support;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.onedoor.OneDoorApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts a second OneDoor instance on the database of the test's own instance, on a random port. */
public final class SecondInstance {

    private SecondInstance() {
    }

    /**
     * Starts the instance; the caller closes it.
     *
     * @param dataSource the first instance's data source, whose URL and user the second one takes
     * @param dataDir a data folder of the second instance's own
     */
    public static ConfigurableApplicationContext start(DataSource dataSource, Path dataDir) {
        HikariDataSource first = (HikariDataSource) dataSource;
        return new SpringApplicationBuilder(OneDoorApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + first.getJdbcUrl(),
                "--spring.datasource.username=" + first.getUsername(),
                "--spring.datasource.password=",
                "--onedoor.data-dir=" + dataDir);
    }

    /** Returns the HTTP port that a started instance listens on. */
    public static int port(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
    }
}
