package org.jobshell.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.osgi.framework.ServiceReference;

/**
 * A plugin's configuration as a JSON object: the service properties of its {@code ShellPlugin}
 * service without the framework's, DS's and jobshell's own. For a DS component those are its
 * component properties merged with its ConfigAdmin configuration, which is how an admin configures a
 * plugin with an {@code etc/<pid>.cfg} file. A plugin source that pushes a bundle's plugin services
 * itself (the Lua bundle's {@code plugin.load} of a jar) gives them the same conf as the core does.
 */
public final class ServiceConf {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] RESERVED_PREFIXES = {"service.", "component.", "osgi.", "felix.", "jobshell.plugin."};

    private ServiceConf() {
    }

    /**
     * @param ref a plugin service
     * @return its configuration
     */
    public static ObjectNode of(ServiceReference<?> ref) {
        ObjectNode conf = JSON.objectNode();
        for (String key : new TreeSet<>(List.of(ref.getPropertyKeys()))) {
            if (!reserved(key)) {
                conf.set(key, json(ref.getProperty(key)));
            }
        }
        return conf;
    }

    private static boolean reserved(String key) {
        if ("objectClass".equals(key)) {
            return true;
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode json(Object value) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof Boolean) {
            return JSON.booleanNode((Boolean) value);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return JSON.numberNode(((Number) value).longValue());
        }
        if (value instanceof Number) {
            return JSON.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof Collection) {
            ArrayNode a = JSON.arrayNode();
            ((Collection<?>) value).forEach(v -> a.add(json(v)));
            return a;
        }
        if (value.getClass().isArray()) {
            ArrayNode a = JSON.arrayNode();
            for (int i = 0; i < Array.getLength(value); i++) {
                a.add(json(Array.get(value, i)));
            }
            return a;
        }
        return JSON.textNode(value.toString());
    }
}
