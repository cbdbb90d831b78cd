package org.jobshell.plugin.taskexit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jobshell.api.ShellException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Option exit-timeout (spec §3.2 task-exit, scenario F55) and how exits are named in messages. */
class DurationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"'\"30s\"'|30000|30s", "0.5|500|0.5s", "100|100000|100s",
        "42.34|42340|42.34s", "'\"1.5m\"'|90000|1.5m", "'\"2h\"'|7200000|2h", "'\"1d\"'|86400000|1d",
        "'\"5\"'|5000|5s"})
    void durations(String json, long millis, String text) throws Exception {
        Duration d = Duration.of(JSON.readTree(json));
        assertEquals(millis, d.millis());
        assertEquals(text, d.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"none\"", "\"NONE\"", "\"None\""})
    void noneMeansNoTimeout(String json) throws Exception {
        assertEquals(false, Duration.of(JSON.readTree(json)).enabled());
    }

    @Test
    void theDefaultIs30Seconds() {
        assertEquals(Duration.DEFAULT, Duration.of(null));
        assertEquals(30_000, Duration.DEFAULT.millis());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"aaa\"", "false", "-1", "\"1.1f\"", "\"\"", "{}"})
    void whatIsNotADurationIsRefused(String json) throws Exception {
        assertEquals("must be a Flux Standard Duration (N[smhd]) or none, got " + json,
                assertThrows(ShellException.class, () -> Duration.of(JSON.readTree(json))).getMessage());
    }

    @Test
    void exitsAreNamedAsTheReferenceNamesThem() {
        assertEquals(" (Exit 200)", new ExitReport(1, "h", 200, 0).disposition());
        assertEquals(" (Segmentation fault)", new ExitReport(1, "h", 139, 11).disposition());
        assertEquals("app: task rank 3 on host n1", new ExitReport(3, "n1", 0, 0).who("app"));
        assertEquals(new ExitReport(3, "n1", 137, 9), ExitReport.of(new ExitReport(3, "n1", 137, 9).toJson()));
    }
}
