package org.jobshell.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;

/**
 * The daemon's events (docs/EVENTS.md): JSON objects with a {@code type}, the protocol
 * {@code version} and a {@code time}, published by whoever makes the change, on its thread and in
 * its order, to every {@link Subscriber}'s bounded queue. Publishing never blocks: a subscriber
 * that does not keep up is dropped (with a final notice), the others and the job go on.
 */
@Component(service = EventHub.class)
public class EventHub {

    /** The events protocol version. */
    static final int VERSION = 1;
    /** How many events may wait for a subscriber that takes none for {@link #GRACE_MILLIS}. */
    static final int QUEUE = 128;
    /** How many events may wait for any subscriber. */
    static final int HARD_QUEUE = 16 * QUEUE;
    /** How long a subscriber with {@link #QUEUE} events waiting may take none before it is dropped. */
    static final long GRACE_MILLIS = 5_000;

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    /** @return a new event of a type, to fill in and {@link #publish} */
    ObjectNode event(String type) {
        ObjectNode e = mapper.createObjectNode();
        e.put("type", type);
        e.put("version", VERSION);
        e.put("time", BigDecimal.valueOf(System.currentTimeMillis(), 3)); // seconds, to the millisecond
        return e;
    }

    /** Sends an event to every subscriber; returns at once. */
    void publish(ObjectNode event) {
        if (subscribers.isEmpty()) {
            return;
        }
        String line;
        try {
            line = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return; // a tree of plain values always serializes
        }
        for (Subscriber s : subscribers) {
            if (!s.offer(line)) {
                subscribers.remove(s);
            }
        }
    }

    /** @return a subscriber that gets every event published from now on */
    Subscriber subscribe() {
        ObjectNode notice = event("subscriber.dropped");
        notice.put("reason", "this subscriber did not keep up (it took no event for " + GRACE_MILLIS + " ms while "
                + QUEUE + " waited, or " + HARD_QUEUE + " waited): it was dropped; reconnect to subscribe again");
        Subscriber s = new Subscriber(QUEUE, HARD_QUEUE, GRACE_MILLIS, notice.toString());
        subscribers.add(s);
        return s;
    }

    /** @param s a subscriber that went away */
    void unsubscribe(Subscriber s) {
        subscribers.remove(s);
    }

    /** @return how many subscribe now */
    int subscribers() {
        return subscribers.size();
    }
}
