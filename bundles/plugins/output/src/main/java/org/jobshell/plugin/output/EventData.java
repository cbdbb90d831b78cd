package org.jobshell.plugin.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The {@code data} of an output eventlog event (RFC 24), lossless: bytes that are valid UTF-8 are
 * stored as text (the header's encoding), any others in base64 with {@code "encoding":"base64"} on
 * that event.
 */
final class EventData {

    /** The per-event encoding of bytes that are not UTF-8. */
    static final String BASE64 = "base64";

    private EventData() {
    }

    /**
     * @param context the event context to add {@code data} (and {@code encoding}) to
     * @param bytes the output bytes
     */
    static void put(ObjectNode context, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        // Decoding replaces every malformed sequence with U+FFFD: only then can the text differ
        if (text.indexOf('\uFFFD') < 0 || Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
            context.put("data", text);
        } else {
            context.put("data", Base64.getEncoder().encodeToString(bytes));
            context.put("encoding", BASE64);
        }
    }
}
