package org.jobshell.core.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jobshell.core.spi.LeaderMessage;
import org.jobshell.core.spi.ShellExchange;

/** Posting an event to the job's exec eventlog from any shell: through the exchange, to the leader. */
final class ExecEvents {

    private ExecEvents() {
    }

    /**
     * @param exchange the posting shell's exchange
     * @param name the event name
     * @param context its context
     */
    static void post(ShellExchange exchange, String name, ObjectNode context) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("eventlog", "exec");
        event.put("name", name);
        event.set("context", context);
        exchange.toLeader(LeaderMessage.EVENT, event);
    }
}
