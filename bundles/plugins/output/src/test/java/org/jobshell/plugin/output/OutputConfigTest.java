package org.jobshell.plugin.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jobshell.api.ShellException;
import org.junit.jupiter.api.Test;

/** Option output per stream (spec §8.1): stderr starts as a copy of stdout's settings. */
class OutputConfigTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private OutputConfig of(String json) throws Exception {
        return OutputConfig.of(json == null ? null : mapper.readTree(json));
    }

    private static OutputConfig.Stream stream(String path, boolean label) {
        return new OutputConfig.Stream(path, label);
    }

    @Test
    void stderrFollowsStdoutUnlessSet() throws Exception {
        assertEquals(new OutputConfig(stream(null, false), stream(null, false), false), of(null));
        assertEquals(new OutputConfig(stream(null, true), stream(null, true), false), of("{\"stdout\":{\"label\":1}}"));
        assertEquals(new OutputConfig(stream(null, true), stream(null, false), false),
                of("{\"stdout\":{\"label\":true},\"stderr\":{\"label\":false}}"));
    }

    @Test
    void anOutputFileAloneTakesStderrToo() throws Exception {
        assertEquals(new OutputConfig(stream("out", false), stream("out", false), false),
                of("{\"stdout\":{\"path\":\"out\"}}"));
        assertEquals(new OutputConfig(stream("out", false), stream("err", false), true),
                of("{\"stdout\":{\"path\":\"out\"},\"stderr\":{\"path\":\"err\"},\"mode\":\"append\"}"));
    }

    @Test
    void kvsKeepsAStreamOnTheTerminal() throws Exception {
        assertEquals(new OutputConfig(stream("out", false), stream(null, false), false),
                of("{\"stdout\":{\"path\":\"out\"},\"stderr\":{\"type\":\"kvs\"}}"));
        assertEquals(new OutputConfig(stream(null, false), stream(null, false), false),
                of("{\"stdout\":{\"path\":\"out\",\"type\":\"kvs\"}}"));
    }

    @Test
    void aBadLabelNamesTheOption() {
        ShellException e = assertThrows(ShellException.class, () -> of("{\"stdout\":{\"label\":\"yes\"}}"));
        assertEquals("option output.stdout.label: must be true/false or an integer, got \"yes\"", e.getMessage());
    }
}
