package org.onedoor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.onedoor.OneDoorApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Starts OneDoor twice on an empty data folder without {@code ONEDOOR_ADMIN_PASSWORD} and with the demo area
 * turned off: the first start generates and logs a password that signs in, the second logs none.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

    private static final Pattern GENERATED = Pattern.compile("generated password (\\S+) ");

    @TempDir
    Path dataDir;

    @Test
    void generatesAndLogsPasswordOnceWhenNoneIsConfigured(CapturedOutput output) {
        String password;
        try (ConfigurableApplicationContext first = start()) {
            Matcher matcher = GENERATED.matcher(output.getOut());
            assertThat(matcher.find()).as("generated password in the log").isTrue();
            password = matcher.group(1);
            assertThat(matcher.find()).as("the password is logged only once").isFalse();

            UserAccounts accounts = first.getBean(UserAccounts.class);
            UserAccount admin = accounts.list(null).get(0);
            assertThat(accounts.list(null)).hasSize(1);
            assertThat(admin.email()).isEqualTo("admin@onedoor.localhost");
            assertThat(admin.role()).isEqualTo(Role.ADMINISTRATOR);
            assertThat(password).hasSizeGreaterThanOrEqualTo(UserAccounts.MIN_PASSWORD_LENGTH);
            assertThat(accounts.passwordMatches(admin.id(), password)).isTrue();

            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM partner").query(Long.class).single())
                    .as("no demo partners with ONEDOOR_DEMO_DATA=false").isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM naics_code").query(Long.class).single())
                    .as("reference data loads without the demo area").isEqualTo(2125);
        }
        int logLength = output.getOut().length();

        try (ConfigurableApplicationContext second = start()) {
            String secondLog = output.getOut().substring(logLength);
            assertThat(secondLog).doesNotContain("generated password");
            assertThat(second.getBean(UserAccounts.class).list(null)).hasSize(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OneDoorApplication.class).run(
                "--server.port=0",
                "--onedoor.data-dir=" + dataDir,
                "--onedoor.clean-data-dir=false",
                "--onedoor.demo-data=false",
                "--onedoor.admin.email=",
                "--onedoor.admin.password=");
    }
}
