package dev.ratchet;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In CI a suite that would be skipped is a failure: the PostgreSQL suite must be switched on and the browser must be
 * there. Outside CI both are optional and this check does not run.
 */
@EnabledIfEnvironmentVariable(named = "CI", matches = "(?i)true")
class CiSuitesIT {

    @Test
    void thePostgresqlSuiteIsSwitchedOn() {
        assertThat(System.getenv("RATCHET_TEST_POSTGRES_URL"))
                .as("RATCHET_TEST_POSTGRES_URL must name the PostgreSQL test database in CI").isNotBlank();
    }

    @Test
    void theBrowserSuiteCanRun() {
        assertThat(Files.isExecutable(Path.of("/usr/bin/chromium"))).as("/usr/bin/chromium in CI").isTrue();
        assertThat(Files.isExecutable(Path.of("/usr/bin/chromedriver"))).as("/usr/bin/chromedriver in CI").isTrue();
    }
}
