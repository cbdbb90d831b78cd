package org.jobshell.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a plugin failure does, per topic (spec §1.8). */
class TopicRuleTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "shell.init, FATAL", "shell.post-init, FATAL", "task.init, FATAL", "task.fork, FATAL",
        "shell.start, FATAL", "task.exec, LOGGED", "task.exit, LOGGED", "shell.finish, LOGGED",
        "shell.exit, EXIT_CODE", "shell.log, LOGGED", "my.custom.topic, LOGGED",
    })
    void rule(String topic, TopicRule expected) {
        assertEquals(expected, TopicRule.of(topic));
    }
}
