package org.jobshell.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The arguments of one topic call: an IN object and an OUT object, both shared by every plugin
 * called for that topic. A later plugin sees what an earlier one wrote; for OUT keys the last writer
 * wins. Lifecycle topics ({@code shell.init}, {@code task.init}, ...) are called with empty args, but
 * {@code task.exit}, whose IN is the task's info ({@code rank}, {@code exitcode}, {@code signaled},
 * and for a signal {@code signal} and {@code core_dumped}; docs/PLUGINS.md).
 *
 * <p>Not thread-safe: an instance belongs to one call.
 */
public final class Args {

    private ObjectNode in;
    private ObjectNode out;

    /** Creates empty args. */
    public Args() {
    }

    /**
     * Creates args with an IN object.
     *
     * @param in the IN object (used as is, not copied)
     */
    public Args(ObjectNode in) {
        this.in = in;
    }

    /** @return the IN object, created empty on first use */
    public ObjectNode in() {
        if (in == null) {
            in = JsonNodeFactory.instance.objectNode();
        }
        return in;
    }

    /** @return the OUT object, created empty on first use */
    public ObjectNode out() {
        if (out == null) {
            out = JsonNodeFactory.instance.objectNode();
        }
        return out;
    }

    @Override
    public String toString() {
        return "Args[in=" + in + ", out=" + out + "]";
    }
}
