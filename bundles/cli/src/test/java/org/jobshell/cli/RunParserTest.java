package org.jobshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code jobshell run} arguments. */
class RunParserTest {

    private final RunParser parser = new RunParser(new ObjectMapper());

    private RunRequest parse(String... args) {
        return parser.parse(List.of(args));
    }

    @Test
    void optionsStopAtTheCommand() {
        RunRequest r = parse("-n", "4", "--label-io", "-N2", "hostname", "-n", "9");
        assertEquals(4, r.ntasks());
        assertEquals(2, r.nodes());
        assertEquals(List.of("hostname", "-n", "9"), r.command());
        assertEquals("{\"output\":{\"stdout\":{\"label\":true},\"stderr\":{\"label\":true}}}", r.options().toString());
    }

    @Test
    void longOptionsTakeAttachedOrSeparateValues() {
        RunRequest r = parse("--ntasks=3", "--cwd", "/tmp", "--env=A=1", "--env-remove", "B*", "--", "-weird-cmd");
        assertEquals(3, r.ntasks());
        assertEquals("/tmp", r.cwd().toString());
        assertEquals(List.of("A=1", "-B*"), r.envRules());
        assertEquals(List.of("-weird-cmd"), r.command());
    }

    @Test
    void shellOptionsAreNestedAndTyped() {
        RunRequest r = parse("-o", "cpu-affinity=per-task", "-o", "output.stdout.label", "-o", "n=3", "-o",
                "obj={\"a\":[1]}", "-vv", "true");
        assertEquals("{\"cpu-affinity\":\"per-task\",\"output\":{\"stdout\":{\"label\":1}},\"n\":3,"
                + "\"obj\":{\"a\":[1]},\"verbose\":2}", r.options().toString());
        assertEquals(2, r.verbose());
    }

    @Test
    void aTaskmapIsASchemeAndAnOptionalValue() {
        assertEquals("{\"taskmap\":{\"scheme\":\"cyclic\",\"value\":\"2\"}}",
                parse("--taskmap=cyclic:2", "true").options().toString());
        assertEquals("{\"taskmap\":{\"scheme\":\"manual\",\"value\":\"[[0,1,2,1]]\"}}",
                parse("--taskmap", "manual:[[0,1,2,1]]", "true").options().toString());
        assertEquals("{\"taskmap\":{\"scheme\":\"reverse\"}}", parse("--taskmap=reverse", "true").options().toString());
    }

    @Test
    void inputIsRanksOrAFile() {
        assertEquals("{\"input\":{\"stdin\":{\"ranks\":\"0-1,3\"}}}",
                parse("--input=0-1,3", "cat").options().toString());
        assertEquals("{\"input\":{\"stdin\":{\"ranks\":\"all\"}}}", parse("--input=all", "cat").options().toString());
        assertEquals("{\"input\":{\"stdin\":{\"type\":\"file\",\"path\":\"in.txt\"}}}",
                parse("--input", "in.txt", "cat").options().toString());
    }

    @Test
    void aTimeLimitIsADurationInMinutesWithoutAUnit() {
        assertEquals(0, parse("true").timeLimit());
        assertEquals(300, parse("-t", "5", "true").timeLimit());
        assertEquals(30, parse("--time-limit=30s", "true").timeLimit());
        assertEquals(5400, parse("-t", "1.5h", "true").timeLimit());
        assertEquals(2 * 86400, parse("-t2d", "true").timeLimit());
    }

    @Test
    void helpIsNotAnError() {
        assertNull(parse("--help"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--foo true| run: unknown option '--foo' (see jobshell run --help)",
        "-n 0 true| -n: must be a positive integer, got '0'",
        "-n x true| -n: must be a positive integer, got 'x'",
        "-N -1 true| -N: must be a positive integer, got '-1'",
        "-n| -n: needs a value",
        "-n 2| run: no command given (see jobshell run --help)",
        "-n 2 -N 3 true| run: -N 3 needs at least as many tasks, but -n is 2",
        "--label-io=yes true| --label-io: takes no value",
        "--jobspec j.json true| run: --jobspec and a command cannot be given together",
        "--jobspec j.json -n 2| run: --jobspec and -n/-N/-c cannot be given together: the jobspec says",
        "--jobspec j.json -c 2| run: --jobspec and -n/-N/-c cannot be given together: the jobspec says",
        "-c 0 true| -c: must be a positive integer, got '0'",
        "-o a=1 -o a.b=2 true| -o a.b=2: option a is already set to 1, not an object",
        "-o .x true| -o .x: empty option name",
        "--input=3-1 cat| --input=3-1: bad idset '3-1': range 3-1 is reversed",
        "--taskmap=:2 true| --taskmap=:2: no scheme (--taskmap=SCHEME[:VALUE], e.g. cyclic:2)",
        "-t 5x true| run: -t 5x: not a Flux Standard Duration (N[smhd]): 5x (a bare number is minutes)",
        "-t 0s true| run: -t 0s: the time limit must be more than 0",
        "--jobspec j.json -t 5| run: --jobspec and -t cannot be given together: the jobspec says (attributes.system.duration)",
    })
    void mistakesAreOneLineNamingTheCulprit(String args, String message) {
        UsageException e = assertThrows(UsageException.class, () -> parser.parse(List.of(args.split(" "))));
        assertEquals(message, e.getMessage());
    }

    @Test
    void anEmptyCommandIsAUsageErrorNotAJobspecOne() {
        UsageException e = assertThrows(UsageException.class, () -> parser.parse(List.of("-n", "2", "")));
        assertEquals("run: the command is an empty word ('')", e.getMessage());
    }
}
