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

    /**
     * OUT key of a vetoable topic ({@code job.submitting}, {@code job.killing}): {@code true} refuses
     * the action.
     *
     * @since 1.2
     */
    public static final String VETO = "veto";
    /**
     * OUT key: why the action is refused, shown to the user as {@code job refused by plugin 'NAME':
     * REASON}.
     *
     * @since 1.2
     */
    public static final String REASON = "reason";

    /**
     * OUT key of a request to the shell ({@code shell.log}, {@code shell.kill}, {@code shell.signal}):
     * {@code true} says a plugin took care of it, so the core does not do its own default.
     *
     * @since 1.3
     */
    public static final String HANDLED = "handled";

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

    /**
     * Refuses the action of a vetoable topic: sets {@value #VETO} and {@value #REASON} in OUT. The
     * plugins after this one are not called for this topic.
     *
     * @param reason what the user is told, e.g. {@code 9 tasks asked, at most 8 allowed}
     * @since 1.2
     */
    public void veto(String reason) {
        out().put(VETO, true);
        out().put(REASON, reason);
    }

    /**
     * @return whether a plugin vetoed (OUT {@value #VETO} is {@code true})
     * @since 1.2
     */
    public boolean vetoed() {
        return out != null && out.path(VETO).asBoolean(false);
    }

    /**
     * Marks a request as taken care of: sets OUT {@value #HANDLED}.
     *
     * @since 1.3
     */
    public void markHandled() {
        out().put(HANDLED, true);
    }

    /**
     * @return whether a plugin took care of the request (OUT {@value #HANDLED} is {@code true})
     * @since 1.3
     */
    public boolean handled() {
        return out != null && out.path(HANDLED).asBoolean(false);
    }

    @Override
    public String toString() {
        return "Args[in=" + in + ", out=" + out + "]";
    }
}
