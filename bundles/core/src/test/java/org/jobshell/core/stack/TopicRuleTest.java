package org.jobshell.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a plugin failure does, per topic (spec §1.8), and docs/PLUGINS.md saying the same. */
class TopicRuleTest {

    /** A row of the topic table: {@code | `topic` | when | a failure |}. */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z.*-]+)` \\| [^|]+ \\| ([^|]+) \\|$");
    /** A row of the container topic table: {@code | `topic` | when | call | a failure | IN |}. */
    private static final Pattern CONTAINER_ROW = Pattern.compile(
            "^\\| `([a-z.*-]+)` \\| [^|]+ \\| ([^|]+) \\| ([^|]+) \\| [^|]+ \\|$");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "shell.init, FATAL", "shell.post-init, FATAL", "task.init, FATAL", "task.fork, FATAL",
        "shell.start, FATAL", "task.exec, LOGGED", "task.exit, LOGGED", "shell.finish, LOGGED",
        "shell.tasks-complete, LOGGED", "shell.exit, EXIT_CODE", "shell.log, REPORTED", "my.custom.topic, LOGGED",
        "taskmap.cyclic, FATAL", "taskmap.*, FATAL", "mustache.render.tmpdir, LOGGED", "mustache.render.*, LOGGED",
        "container.init, LOGGED", "container.shutdown, LOGGED", "job.submitting, REFUSED", "job.killing, REFUSED",
        "job.submitted, LOGGED", "job.started, LOGGED", "job.polling, LOGGED", "job.killed, LOGGED",
        "job.failed, LOGGED", "job.succeeded, LOGGED",
    })
    void rule(String topic, TopicRule expected) {
        assertEquals(expected, TopicRule.of(topic));
    }

    @Test
    void thePluginGuideSaysWhatEachTopicsRuleDoes() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("../../docs/PLUGINS.md"))) {
            Matcher m = ROW.matcher(line.trim());
            if (m.matches()) {
                documented.put(m.group(1), m.group(2).trim());
            }
        }
        assertTrue(documented.keySet().containsAll(List.of("shell.init", "shell.post-init", "task.init",
                "task.exec", "task.fork", "shell.start", "task.exit", "shell.finish", "shell.tasks-complete",
                "shell.exit", "shell.log", "taskmap.*", "mustache.render.*")), "topics in the guide's table: " + documented.keySet());
        documented.forEach((topic, effect) -> assertEquals(TopicRule.of(topic).effect(), effect,
                "docs/PLUGINS.md on a failure in " + topic));
    }

    @Test
    void thePluginGuideSaysHowEachContainerTopicIsCalledAndWhatAFailureDoes() throws IOException {
        Map<String, List<String>> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("../../docs/PLUGINS.md"))) {
            Matcher m = CONTAINER_ROW.matcher(line.trim());
            if (m.matches()) {
                documented.put(m.group(1), List.of(m.group(2).trim(), m.group(3).trim()));
            }
        }
        assertEquals(List.of("container.init", "job.submitting", "job.submitted", "job.started", "job.polling",
                "job.killing", "job.killed", "job.failed", "job.succeeded", "container.shutdown"),
                List.copyOf(documented.keySet()), "topics in the guide's container table");
        documented.forEach((topic, said) -> assertEquals(List.of(TopicRule.mode(topic), TopicRule.of(topic).effect()),
                said, "docs/PLUGINS.md on " + topic));
    }
}
