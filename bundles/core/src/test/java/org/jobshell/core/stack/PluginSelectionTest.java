package org.jobshell.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.jobshell.api.ShellException;
import org.junit.jupiter.api.Test;

/** A job's {@code -o plugins=...}. */
class PluginSelectionTest {

    @Test
    void minusLeavesOut() {
        PluginSelection s = PluginSelection.of(TextNode.valueOf("-cpu-affinity,-tmpdir"));
        assertFalse(s.admits("cpu-affinity"));
        assertFalse(s.admits("tmpdir"));
        assertTrue(s.admits("output"));
    }

    @Test
    void namesTakeOnlyThose() {
        PluginSelection s = PluginSelection.of(JsonNodeFactory.instance.arrayNode().add("output").add("tmpdir")
                .add("-tmpdir"));
        assertTrue(s.admits("output"));
        assertFalse(s.admits("tmpdir"));
        assertFalse(s.admits("cpu-affinity"));
    }

    @Test
    void noOptionAdmitsEveryPlugin() {
        assertTrue(PluginSelection.of(null).admits("anything"));
    }

    @Test
    void namesNotOfferedAreTold() {
        assertEquals(List.of("nosuch"), PluginSelection.of(TextNode.valueOf("-nosuch,-output")).unknown(
                List.of("output")));
    }

    @Test
    void anEmptyNameIsAnError() {
        ShellException e = assertThrows(ShellException.class, () -> PluginSelection.of(TextNode.valueOf("a,,b")));
        assertEquals("an empty plugin name in \"a,,b\"", e.getMessage());
        e = assertThrows(ShellException.class, () -> PluginSelection.of(JsonNodeFactory.instance.numberNode(3)));
        assertEquals("must be NAME,... or -NAME,..., got 3", e.getMessage());
    }
}
