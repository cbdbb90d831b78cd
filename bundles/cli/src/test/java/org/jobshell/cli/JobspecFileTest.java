package org.jobshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** --jobspec FILE is one JSON document with no key twice; errors name the file, the path, the line. */
class JobspecFileTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{'version':1,'version':1}| jobspec: version: appears twice (line 1, column 23)",
        "{'tasks':[{'command':['a'],'command':['b']}]}| jobspec: tasks[0].command: appears twice (line 1, column 37)",
        "{'attributes':{'system':{'environment':{'A':'1','A':'2'}}}}"
            + "| jobspec: attributes.system.environment.A: appears twice (line 1, column 52)",
        "{'version':1} {'version':1}| not JSON: data after the jobspec's end (line 1, column 15)",
        "{'version':1}]| not JSON: data after the jobspec's end (line 1, column 14)",
        "EMPTY| not JSON: the file is empty",
        "[1]| jobspec: must be a JSON object",
    })
    void strictJson(String text, String problem) throws Exception {
        Path file = Files.writeString(dir.resolve("job.json"), text.replace("EMPTY", "").replace('\'', '"'));
        UsageException e = assertThrows(UsageException.class, () -> new JobspecFile(new ObjectMapper()).read(file));
        assertEquals("--jobspec " + file + ": " + problem, e.getMessage());
    }
}
