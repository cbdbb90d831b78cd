package org.jobshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An output eventlog replayed shows what the job's terminal showed. */
class OutputReplayTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final OutputReplay replay = new OutputReplay(new ObjectMapper(), out, err);

    @Test
    void dataGoesToItsStreamLabelledWhenTheJobAskedAndLogLinesToStderr() throws Exception {
        replay.event("{\"name\":\"header\",\"context\":{\"options\":{\"output\":{\"stdout\":{\"label\":true}}}}}");
        replay.event("{\"name\":\"data\",\"context\":{\"stream\":\"stdout\",\"rank\":1,\"data\":\"a\\nb\\n\"}}");
        replay.event("{\"name\":\"data\",\"context\":{\"stream\":\"stderr\",\"rank\":0,\"data\":\"oops\\n\"}}");
        replay.event("{\"name\":\"data\",\"context\":{\"stream\":\"stdout\",\"rank\":0,\"eof\":true}}");
        replay.event("{\"name\":\"log\",\"context\":{\"rank\":0,\"level\":0,\"message\":\"it broke\","
                + "\"component\":\"x\"}}");
        assertEquals("1: a\n1: b\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("0: oops\njobshell[0]: FATAL: x: it broke\n", err.toString(StandardCharsets.UTF_8),
                "stderr is labelled like stdout unless the job said otherwise");
    }

    @Test
    void base64DataIsDecodedAndUnlabelledByDefault() throws Exception {
        replay.event("{\"name\":\"header\",\"context\":{\"options\":{}}}");
        replay.event("{\"name\":\"data\",\"context\":{\"stream\":\"stdout\",\"rank\":0,\"encoding\":\"base64\","
                + "\"data\":\"/wo=\"}}");
        assertEquals(2, out.size());
        assertEquals((byte) 0xff, out.toByteArray()[0]);
    }
}
