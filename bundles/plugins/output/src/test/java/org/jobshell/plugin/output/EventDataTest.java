package org.jobshell.plugin.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Output bytes reach the eventlog losslessly: UTF-8 as text, anything else in base64. */
class EventDataTest {

    private static ObjectNode put(byte[] bytes) {
        ObjectNode ctx = JsonNodeFactory.instance.objectNode();
        EventData.put(ctx, bytes);
        return ctx;
    }

    @Test
    void utf8IsText() {
        String text = "héllo \uFFFD wörld \u0000 \uD83D\uDE00\n";
        ObjectNode ctx = put(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(text, ctx.get("data").textValue());
        assertFalse(ctx.has("encoding"));
    }

    @Test
    void otherBytesAreBase64() {
        byte[] random = new byte[100_000];
        new Random(42).nextBytes(random);
        for (byte[] bytes : new byte[][] {random, {(byte) 0xff, '\n'}, {(byte) 0xc3}, {(byte) 0xed, (byte) 0xa0,
            (byte) 0x80}, {(byte) 0xc0, (byte) 0x80}}) {
            ObjectNode ctx = put(bytes);
            assertEquals("base64", ctx.get("encoding").textValue());
            assertArrayEquals(bytes, Base64.getDecoder().decode(ctx.get("data").textValue()));
        }
    }
}
