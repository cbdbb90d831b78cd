package org.jobshell.core.job;

import java.util.HashMap;
import java.util.Map;
import org.jobshell.api.Task;
import org.jobshell.api.TaskState;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts every topic a shell dispatches to EventAdmin as {@code org/jobshell/<topic with / for .>},
 * asynchronously, for observers (monitoring, audit). It has no order, return value or error
 * propagation: it is not the plugin stack.
 */
final class EventBridge {

    /** Prefix of every topic posted. */
    static final String PREFIX = "org/jobshell/";

    private final EventAdmin eventAdmin;

    /** @param eventAdmin the EventAdmin to post to, or null to post nothing */
    EventBridge(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    void post(String topic, String jobId, int shellRank, Task task) {
        if (eventAdmin == null) {
            return;
        }
        Map<String, Object> props = new HashMap<>(8);
        props.put("job.id", jobId);
        props.put("shell.rank", shellRank);
        if (task != null) {
            props.put("task.rank", task.rank());
            if (task.state() == TaskState.EXITED) {
                props.put("exit.status", task.exitCode());
            }
        }
        eventAdmin.postEvent(new Event(eventTopic(topic), props));
    }

    /**
     * @param topic a shell topic such as {@code task.exit}
     * @return the EventAdmin topic, e.g. {@code org/jobshell/task/exit}; characters EventAdmin does
     *     not allow become {@code _}
     */
    static String eventTopic(String topic) {
        StringBuilder b = new StringBuilder(PREFIX.length() + topic.length()).append(PREFIX);
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (c == '.') {
                b.append('/');
            } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                b.append(c);
            } else {
                b.append('_');
            }
        }
        String t = b.toString();
        while (t.contains("//")) {
            t = t.replace("//", "/_/");
        }
        return t.endsWith("/") ? t + "_" : t;
    }
}
