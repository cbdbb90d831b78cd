package org.jobshell.plugin.pmisimple;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request line of the PMI-1 wire protocol: space-separated {@code key=value} words, the first
 * {@code cmd=NAME} (or {@code mcmd=spawn}, which opens a multi-line command). A {@code value=} word
 * takes the rest of the line, spaces included, as the value of a {@code put}.
 *
 * @param line the line, without its newline
 * @param command the command name
 * @param attributes the words after the command, in order
 */
record Request(String line, String command, Map<String, String> attributes) {

    /**
     * @param line a line as a client sent it, without its newline
     * @return the request
     * @throws ProtocolException when it is not {@code cmd=NAME key=value ...}
     */
    static Request parse(String line) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String command = null;
        int at = 0;
        while (at < line.length()) {
            if (line.charAt(at) == ' ') {
                at++;
                continue;
            }
            int end = line.indexOf(' ', at);
            String word = line.substring(at, end < 0 ? line.length() : end);
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new ProtocolException("malformed request \"" + line + "\": \"" + word + "\" is not key=value");
            }
            String key = word.substring(0, eq);
            if (command == null) {
                if (!key.equals("cmd") && !key.equals("mcmd")) {
                    throw new ProtocolException("malformed request \"" + line + "\": it does not start with cmd=");
                }
                command = word.substring(eq + 1);
            } else if (key.equals("value")) {
                attributes.put(key, line.substring(at + eq + 1));
                break;
            } else {
                attributes.put(key, word.substring(eq + 1));
            }
            at = end < 0 ? line.length() : end;
        }
        if (command == null || command.isEmpty()) {
            throw new ProtocolException("malformed request \"" + line + "\": no command");
        }
        return new Request(line, command, Map.copyOf(attributes));
    }

    /**
     * @param key an attribute the command needs
     * @return its value
     * @throws ProtocolException when the request lacks it
     */
    String require(String key) {
        String value = attributes.get(key);
        if (value == null) {
            throw new ProtocolException("malformed request \"" + line + "\": " + command + " needs " + key + "=");
        }
        return value;
    }

    /**
     * @param key an integer attribute the command needs
     * @return its value
     * @throws ProtocolException when the request lacks it or it is not an integer
     */
    int requireInt(String key) {
        String value = require(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ProtocolException("malformed request \"" + line + "\": " + key + "=" + value
                    + " is not an integer");
        }
    }
}
