package org.jobshell.plugin.cpuaffinity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.stream.Collectors;
import org.jobshell.api.Idset;
import org.jobshell.api.ShellException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cpu-affinity option and its CPU sets (spec §3.2, scenario F52). */
class CpuAffinityOptionTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "on|ON|false|false", "off|OFF|false|false", "per-task|PER_TASK|false|false", "map:0;1|MAP|false|false",
        "verbose,per-task|PER_TASK|true|false", "dry-run,verbose,off|OFF|true|true", "dry-runverbose|ON|true|true",
        "bogus|ON|false|false", "''|ON|false|false",
    })
    void grammar(String value, AffinityOption.Mode mode, boolean verbose, boolean dryRun) {
        AffinityOption o = AffinityOption.parse(TextNode.valueOf(value));
        assertEquals(mode, o.mode());
        assertEquals(verbose, o.verbose());
        assertEquals(dryRun, o.dryRun());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "bogus#must be [dry-run,][verbose,](on|off|per-task|map:LIST), got \"bogus\"",
        "verbose,onn#must be [dry-run,][verbose,](on|off|per-task|map:LIST), got \"verbose,onn\"",
        "map:0x0;1#cpuset 0x0 contains no cores or is invalid",
    })
    void theDeclarationRefusesWhatIsNotUnderstood(String value, String message) {
        assertEquals(message, assertThrows(ShellException.class,
                () -> AffinityOption.SPEC.validate(TextNode.valueOf(value))).getMessage());
    }

    @ParameterizedTest
    @CsvSource({"on", "off", "per-task", "'verbose,dry-run,map:0;1'", "verbose", "''"})
    void theDeclarationTakesTheGrammar(String value) {
        AffinityOption.SPEC.validate(TextNode.valueOf(value));
    }

    @Test
    void theDeclarationRefusesANonString() {
        assertEquals("must be a string, got 1", assertThrows(ShellException.class,
                () -> AffinityOption.SPEC.validate(IntNode.valueOf(1))).getMessage());
    }

    @Test
    void aNonStringIsInvalidAndMeansOn() {
        AffinityOption o = AffinityOption.parse(IntNode.valueOf(1));
        assertEquals(AffinityOption.Mode.ON, o.mode());
        assertEquals(true, o.invalid());
    }

    @Test
    void mapEntriesAreListsMasksOrBitmaps() {
        assertEquals(List.of("1", "0", "0-1,4", "0-3,32"), CpuSetParser.parseMap("1;0x1;0-1,4;0x1,0xf").stream()
                .map(Idset::encode).collect(Collectors.toList()));
        assertEquals("64", Idset.encode(CpuSetParser.parse("0x10000000000000000")));
    }

    @ParameterizedTest
    @CsvSource({"0x0", "x", "''", "3-1", "0xg"})
    void anEmptyOrBadSetFailsNamingIt(String entry) {
        ShellException e = assertThrows(ShellException.class, () -> CpuSetParser.parseMap(entry));
        assertEquals("cpuset " + entry + " contains no cores or is invalid", e.getMessage());
    }

    @Test
    void perTaskSpreadsCoresEvenly() {
        assertEquals(List.of("0-1", "2-3"), sets("0-3", 2));
        assertEquals(List.of("0", "1", "2", "3"), sets("0-3", 4));
        assertEquals(List.of("0", "0", "1", "1"), sets("0-1", 4));
        assertEquals(List.of("4", "5-6"), sets("4-6", 2));
    }

    private static List<String> sets(String cores, int ntasks) {
        return CpuSetParser.distribute(Idset.decode(cores), ntasks).stream().map(Idset::encode)
                .collect(Collectors.toList());
    }
}
