package org.jobshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --env} rules over the submitter's environment. */
class EnvRulesTest {

    private final Map<String, String> submitter = Map.of("HOME", "/home/u", "PATH", "/bin", "SLURM_A", "1",
            "SLURM_B", "2");

    @TempDir
    Path dir;

    @Test
    void everythingIsExportedByDefault() {
        assertEquals(submitter, new EnvRules(submitter, dir).apply(List.of()));
    }

    @Test
    void rulesApplyInOrder() {
        Map<String, String> env = new EnvRules(submitter, dir).apply(List.of("-*", "PATH", "SLURM_?",
                "GREETING=hi ${PATH}x", "-SLURM_B"));
        assertEquals(Map.of("PATH", "/bin", "SLURM_A", "1", "GREETING", "hi /binx"), env);
    }

    @Test
    void valuesExpandFromTheRulesAppliedSoFar() {
        Map<String, String> env = new EnvRules(submitter, dir).apply(List.of("A=1", "B=$A-2", "C=${B}x$HOME",
                "-HOME", "D=[$HOME]", "PATH=$PATH:/opt/bin"));
        assertEquals("1-2", env.get("B"));
        assertEquals("1-2x/home/u", env.get("C"));
        assertEquals("[]", env.get("D"), "HOME was removed before");
        assertEquals("/bin:/opt/bin", env.get("PATH"));
    }

    @Test
    void rulesCanComeFromAFile() throws Exception {
        Files.writeString(dir.resolve("rules"), "# site rules\n-SLURM_*\n\nFOO=bar\n");
        Map<String, String> env = new EnvRules(submitter, dir).apply(List.of("^rules"));
        assertEquals("bar", env.get("FOO"));
        assertTrue(env.keySet().stream().noneMatch(k -> k.startsWith("SLURM")));
    }

    @Test
    void aMissingRuleFileIsOneLine() {
        UsageException e = assertThrows(UsageException.class,
                () -> new EnvRules(submitter, dir).apply(List.of("^nope")));
        assertEquals("--env=^nope: cannot read " + dir.resolve("nope") + ": No such file or directory", e.getMessage());
    }
}
