package org.jobshell.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** fnmatch(3) without flags, as topic globs use it (spec §1.5). */
class GlobTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
        "shell.*, shell.init, true",
        "shell.*, shell.log-setlevel, true",
        "shell.*, shell.tasks-complete, true",
        "task.*, shell.init, false",
        "*, mustache.render.foo, true",
        "*, taskmap.foo, true",
        "shell.init, shell.init, true",
        "shell.init, shell.initx, false",
        "shell.init, shell.ini, false",
        "task.?xit, task.exit, true",
        "task.?xit, task.eexit, false",
        "*.exit, task.exit, true",
        "*.exit, shell.exit, true",
        "*.exit, task.exitx, false",
        "s*l*.i*t, shell.init, true",
        "task.[ef]*, task.exit, true",
        "task.[ef]*, task.fork, true",
        "task.[ef]*, task.init, false",
        "task.[!e]*, task.exit, false",
        "task.[!e]*, task.init, true",
        "task.[a-f]xit, task.exit, true",
        "task.[a-d]xit, task.exit, false",
        "a\\*b, a*b, true",
        "a\\*b, axb, false",
        "a[b, a[b, true",
        "SHELL.*, shell.init, false",
        "'task.[]x]', 'task.]', true",
        "'task.[]x]', task.x, true",
        "'task.[!]]', 'task.]', false",
        "'a[\\]]b', 'a]b', true",
        "*a*b*, xxaxxbxx, true",
        "*a*b*, xxbxxaxx, false",
        "**.exit, task.exit, true",
        "?*?, ab, true",
        "?*?, a, false",
        "*[0-9], task9, true",
        "*[0-9], task, false",
    })
    void matches(String glob, String topic, boolean expected) {
        assertEquals(expected, Glob.compile(glob).matches(topic));
    }

    @Test
    void starMatchesTheEmptyRest() {
        assertTrue(Glob.compile("shell.*").matches("shell."));
        assertFalse(Glob.compile("shell.?").matches("shell."));
    }

    @Test
    void emptyGlobIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Glob.compile(""));
    }
}
