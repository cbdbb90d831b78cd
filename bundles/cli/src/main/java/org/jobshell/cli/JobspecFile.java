package org.jobshell.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jobshell.api.IoErrors;

/**
 * Reads {@code --jobspec FILE} strictly: one JSON document (nothing after it), no key twice in an
 * object, errors naming the file and, where there is one, the JSON path and the line.
 */
final class JobspecFile {

    private final ObjectReader reader;

    JobspecFile(ObjectMapper mapper) {
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * @param file the file
     * @return its JSON object
     * @throws UsageException {@code cannot read FILE: <reason>}, or {@code --jobspec FILE: <problem>}
     */
    ObjectNode read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + IoErrors.reason(e));
        }
        JsonNode node;
        try {
            node = reader.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UsageException("--jobspec " + file + ": " + describe(e));
        }
        if (node == null || node.isMissingNode()) {
            throw new UsageException("--jobspec " + file + ": not JSON: the file is empty");
        }
        if (!node.isObject()) {
            throw new UsageException("--jobspec " + file + ": jobspec: must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String line = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
        JsonStreamContext context = e.getProcessor() instanceof JsonParser
                ? ((JsonParser) e.getProcessor()).getParsingContext() : null;
        String message = e.getOriginalMessage();
        if (message.startsWith("Duplicate field") && context != null) {
            return "jobspec: " + path(context) + ": appears twice" + line;
        }
        if (message.startsWith("Trailing token")
                || context != null && context.inRoot() && context.getEntryCount() > 0) {
            // a whole document was read: what follows it is the problem
            return "not JSON: data after the jobspec's end" + line;
        }
        return "not JSON: " + message + line;
    }

    /** @return the JSON path of the parser's place, as {@code tasks[0].command} */
    private static String path(JsonStreamContext context) {
        StringBuilder b = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            String step = c.inArray() ? "[" + Math.max(0, c.getCurrentIndex()) + "]"
                    : (c.getParent() == null || c.getParent().inRoot() ? "" : ".") + c.getCurrentName();
            b.insert(0, step);
        }
        return b.toString();
    }
}
