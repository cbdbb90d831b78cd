package org.jobshell.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client's request is taken as it is, or refused with what is wrong with it. */
class RequestTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private Request parse(String json) throws Frames.ProtocolException {
        return Request.parse(json.getBytes(StandardCharsets.UTF_8), mapper);
    }

    private String refusal(String json) {
        return assertThrows(Frames.ProtocolException.class, () -> parse(json)).getMessage();
    }

    @Test
    void aWellFormedRequestIsTakenAsItIs() throws Exception {
        Request r = parse("{\"version\":1,\"args\":[\"run\",\"-n\",\"2\",\"x y\"],\"env\":{\"A\":\"1\"},\"cwd\":\"/w\"}");
        assertEquals(List.of("run", "-n", "2", "x y"), r.args());
        assertEquals(Map.of("A", "1"), r.environment());
        assertEquals(Path.of("/w"), r.cwd());
    }

    @Test
    void eachMistakeIsNamed() {
        assertEquals("the request is not JSON", refusal("{nope"));
        assertEquals("the request is not a JSON object", refusal("[1]"));
        assertEquals("unsupported protocol version 2 (this daemon speaks 1)", refusal("{\"version\":2}"));
        assertEquals("request.args: must be a non-empty array of strings", refusal("{\"version\":1,\"args\":[]}"));
        assertEquals("request.args: must be a non-empty array of strings",
                refusal("{\"version\":1,\"args\":[\"run\",3]}"));
        assertEquals("request.env: must be an object of strings", refusal("{\"version\":1,\"args\":[\"jobs\"]}"));
        assertEquals("request.env.A: must be a string",
                refusal("{\"version\":1,\"args\":[\"jobs\"],\"env\":{\"A\":1}}"));
        assertEquals("request.cwd: must be an absolute path",
                refusal("{\"version\":1,\"args\":[\"jobs\"],\"env\":{},\"cwd\":\"here\"}"));
    }
}
