package org.jobshell.plugin.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jobshell.api.ShellException;
import org.junit.jupiter.api.Test;

/** output.stdout.label and output.stderr.label, stderr defaulting to stdout's. */
class LabelsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private Labels of(String json) throws Exception {
        return Labels.of(json == null ? null : mapper.readTree(json));
    }

    @Test
    void stderrFollowsStdoutUnlessSet() throws Exception {
        assertEquals(new Labels(false, false), of(null));
        assertEquals(new Labels(true, true), of("{\"stdout\":{\"label\":1}}"));
        assertEquals(new Labels(true, false), of("{\"stdout\":{\"label\":true},\"stderr\":{\"label\":false}}"));
    }

    @Test
    void aBadLabelNamesTheOption() {
        ShellException e = assertThrows(ShellException.class, () -> of("{\"stdout\":{\"label\":\"yes\"}}"));
        assertEquals("option output.stdout.label: must be true/false or an integer, got \"yes\"", e.getMessage());
    }
}
