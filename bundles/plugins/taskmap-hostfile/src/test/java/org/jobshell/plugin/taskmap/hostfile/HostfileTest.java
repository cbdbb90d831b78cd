package org.jobshell.plugin.taskmap.hostfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jobshell.api.ShellException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hostfile scheme on the spec's examples (§7.3, scenario C33), with the fake hosts it uses. */
class HostfileTest {

    private static final List<String> FAKE = List.of("fake0", "fake1", "fake2", "fake3");

    @TempDir
    Path dir;

    private String map(String content, int tasks) throws Exception {
        Path file = Files.writeString(dir.resolve("hosts"), content);
        return Hostfile.map(Hostfile.read(file), FAKE, tasks).encode();
    }

    @ParameterizedTest(name = "{0} with {1} tasks")
    @CsvSource(delimiter = '|', value = {
        "fake3\\nfake2\\nfake1\\nfake0|4|[[3,1,1,1],[2,1,1,1],[1,1,1,1],[0,1,1,1]]",
        "fake3\\nfake2\\nfake1\\nfake0|8|[[3,1,1,1],[2,1,1,1],[1,1,1,1],[0,1,1,1],[3,1,1,1],[2,1,1,1],[1,1,1,1],"
            + "[0,1,1,1]]",
        "fake[1,2]\\n\\nfake[3,0]\\n|8|[[1,3,1,1],[0,4,1,1],[0,1,1,1]]",
        "fake3\\nfake3\\nfake2\\nfake2\\nfake1\\nfake1\\nfake0\\nfake0|8|[[3,1,2,1],[2,1,2,1],[1,1,2,1],[0,1,2,1]]",
    })
    void theSpecsMaps(String content, int tasks, String blocks) throws Exception {
        assertEquals("{\"version\":1,\"map\":" + blocks + "}", map(content.replace("\\n", "\n"), tasks));
    }

    @Test
    void badFilesSayWhatIsWrong() {
        assertEquals("host foo0 not found in job nodelist",
                assertThrows(ShellException.class, () -> map("foo[0-3]\n", 4)).getMessage());
        assertEquals("hostfile " + dir.resolve("hosts") + ": line 2: bad hostlist 'fake[0-3': unbalanced '['",
                assertThrows(ShellException.class, () -> map("fake0\nfake[0-3\n", 4)).getMessage());
        assertEquals("hostfile " + dir.resolve("none") + ": No such file or directory",
                assertThrows(ShellException.class, () -> Hostfile.read(dir.resolve("none"))).getMessage());
        assertEquals("hostfile " + dir.resolve("hosts") + ": no hosts in it",
                assertThrows(ShellException.class, () -> map("\n\n", 4)).getMessage());
    }
}
