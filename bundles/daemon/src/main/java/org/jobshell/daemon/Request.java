package org.jobshell.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A client's request: {@code {"version": 1, "args": [...], "env": {...}, "cwd": "/dir"}}.
 *
 * @param args the command line after {@code jobshell}
 * @param environment the client's environment
 * @param cwd the client's working directory
 */
record Request(List<String> args, Map<String, String> environment, Path cwd) {

    /** The protocol version this daemon speaks. */
    static final int VERSION = 1;

    /**
     * @param payload the request frame's payload
     * @param mapper parses it
     * @return the request
     * @throws Frames.ProtocolException naming what is wrong with it
     */
    static Request parse(byte[] payload, ObjectMapper mapper) throws Frames.ProtocolException {
        JsonNode root;
        try {
            root = mapper.readTree(payload);
        } catch (IOException e) {
            throw new Frames.ProtocolException("the request is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Frames.ProtocolException("the request is not a JSON object");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new Frames.ProtocolException("unsupported protocol version " + root.path("version")
                    + " (this daemon speaks " + VERSION + ")");
        }
        JsonNode args = root.path("args");
        if (!args.isArray() || args.isEmpty()) {
            throw new Frames.ProtocolException("request.args: must be a non-empty array of strings");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode a : args) {
            if (!a.isTextual()) {
                throw new Frames.ProtocolException("request.args: must be a non-empty array of strings");
            }
            list.add(a.textValue());
        }
        JsonNode env = root.path("env");
        if (!env.isObject()) {
            throw new Frames.ProtocolException("request.env: must be an object of strings");
        }
        Map<String, String> environment = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = env.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new Frames.ProtocolException("request.env." + e.getKey() + ": must be a string");
            }
            environment.put(e.getKey(), e.getValue().textValue());
        }
        JsonNode cwd = root.path("cwd");
        if (!cwd.isTextual() || !cwd.textValue().startsWith("/")) {
            throw new Frames.ProtocolException("request.cwd: must be an absolute path");
        }
        return new Request(List.copyOf(list), environment, Path.of(cwd.textValue()));
    }
}
