package org.jobshell.launcher;

import java.util.List;
import java.util.Map;

/** Just enough JSON writing for the client's request (the client has no JSON library). */
final class Json {

    private Json() {
    }

    static String request(List<String> args, Map<String, String> env, String cwd) {
        StringBuilder b = new StringBuilder(4096).append("{\"version\":1,\"args\":[");
        for (int i = 0; i < args.size(); i++) {
            quote(b.append(i == 0 ? "" : ","), args.get(i));
        }
        b.append("],\"env\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : env.entrySet()) {
            quote(b.append(first ? "" : ","), e.getKey()).append(':');
            quote(b, e.getValue());
            first = false;
        }
        return quote(b.append("},\"cwd\":"), cwd).append('}').toString();
    }

    /** Appends a JSON string. */
    static StringBuilder quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                default:
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"');
    }
}
