package org.jobshell.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client's hand-written request is JSON that a real parser reads back exactly. */
class JsonTest {

    @Test
    void argumentsEnvironmentAndDirectoryRoundTripWhateverTheyHold() throws Exception {
        List<String> args = List.of("run", "sh", "-c", "echo \"a\\b\"\n\ttab", "\u0001ctl", "é ✓");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("WEIRD", "quote\" backslash\\ newline\n");
        JsonNode r = new ObjectMapper().readTree(Json.request(args, env, "/home/a b"));
        assertEquals(1, r.get("version").asInt());
        assertEquals(args, new ObjectMapper().convertValue(r.get("args"), List.class));
        assertEquals(env, new ObjectMapper().convertValue(r.get("env"), Map.class));
        assertEquals("/home/a b", r.get("cwd").asText());
    }
}
