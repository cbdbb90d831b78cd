package org.jobshell.plugin.oom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.OptionalInt;
import org.jobshell.api.ShellException;
import org.junit.jupiter.api.Test;

class OomOptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static OptionalInt adjust(String json) throws Exception {
        return OomOption.adjust(JSON.readTree(json));
    }

    @Test
    void adjustIsAnIntegerFromMinus1000To1000() throws Exception {
        assertEquals(OptionalInt.of(500), adjust("{\"adjust\": 500}"));
        assertEquals(OptionalInt.of(-1000), adjust("{\"adjust\": -1000}"));
        assertEquals(OptionalInt.empty(), adjust("{}"));
    }

    @Test
    void anythingElseIsAnErrorNamingIt() {
        assertEquals("unknown key oom.adjsut (the only one is oom.adjust)",
                assertThrows(ShellException.class, () -> adjust("{\"adjsut\": 5}")).getMessage());
        assertEquals("oom.adjust must be an integer from -1000 to 1000, got 1001",
                assertThrows(ShellException.class, () -> adjust("{\"adjust\": 1001}")).getMessage());
        assertEquals("oom.adjust must be an integer from -1000 to 1000, got 1.5",
                assertThrows(ShellException.class, () -> adjust("{\"adjust\": 1.5}")).getMessage());
        assertEquals("oom.adjust must be an integer from -1000 to 1000, got \"x\"",
                assertThrows(ShellException.class, () -> adjust("{\"adjust\": \"x\"}")).getMessage());
        assertEquals("oom must be an object, e.g. -o oom.adjust=500",
                assertThrows(ShellException.class, () -> adjust("1")).getMessage());
    }
}
