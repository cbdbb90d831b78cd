package org.jobshell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jobshell.api.LogLevel;

/**
 * Turns output eventlog events back into what the job's terminal showed: task data on stdout or
 * stderr ({@code <rank>: } labelled when the job's options asked for it), shell log messages on
 * stderr as {@code jobshell[<rank>]: LEVEL: component: message}.
 */
final class OutputReplay {

    private final ObjectMapper mapper;
    private final OutputStream out;
    private final OutputStream err;
    private boolean labelOut;
    private boolean labelErr;

    OutputReplay(ObjectMapper mapper, OutputStream out, OutputStream err) {
        this.mapper = mapper;
        this.out = out;
        this.err = err;
    }

    /** @param line one line of output.eventlog */
    void event(String line) throws IOException {
        JsonNode e = mapper.readTree(line);
        JsonNode ctx = e.path("context");
        switch (e.path("name").asText()) {
            case "header":
                JsonNode output = ctx.path("options").path("output");
                labelOut = flag(output.path("stdout").path("label"), false);
                labelErr = flag(output.path("stderr").path("label"), labelOut);
                break;
            case "data":
                if (ctx.has("data")) {
                    data(ctx);
                }
                break;
            case "log":
                log(ctx);
                break;
            default:
                break;
        }
    }

    private void data(JsonNode ctx) throws IOException {
        boolean stderr = ctx.path("stream").asText().equals("stderr");
        String text = ctx.path("data").asText();
        byte[] bytes = ctx.path("encoding").asText().equals("base64") ? Base64.getDecoder().decode(text)
                : text.getBytes(StandardCharsets.UTF_8);
        if (stderr ? labelErr : labelOut) {
            bytes = label(ctx.path("rank").asInt(), bytes);
        }
        (stderr ? err : out).write(bytes);
    }

    private void log(JsonNode ctx) throws IOException {
        LogLevel level = LogLevel.ofSeverity(ctx.path("level").asInt(LogLevel.ERROR.severity()));
        String component = ctx.hasNonNull("component") ? ctx.get("component").asText() : null;
        err.write(level.line(ctx.path("rank").asInt(), component, ctx.path("message").asText())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static boolean flag(JsonNode v, boolean dflt) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return v.isIntegralNumber() ? v.intValue() != 0 : dflt;
    }

    /** Prefixes every line with {@code <rank>: }, ending a last partial line, as the output plugin does. */
    private static byte[] label(int rank, byte[] lines) {
        byte[] prefix = (rank + ": ").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream b = new ByteArrayOutputStream(lines.length + 8 * prefix.length);
        int start = 0;
        while (start < lines.length) {
            int nl = start;
            while (nl < lines.length && lines[nl] != '\n') {
                nl++;
            }
            b.write(prefix, 0, prefix.length);
            b.write(lines, start, nl - start);
            b.write('\n');
            start = nl + 1;
        }
        return b.toByteArray();
    }
}
