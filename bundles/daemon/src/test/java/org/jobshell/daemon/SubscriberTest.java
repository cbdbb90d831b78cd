package org.jobshell.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A subscriber's queue is bounded: when it is full the subscriber is dropped, its notice last. */
class SubscriberTest {

    @Test
    void aFullQueueDropsTheSubscriberWithTheNoticeAsItsLastLine() throws Exception {
        Subscriber s = new Subscriber(2, "dropped");
        AtomicInteger drops = new AtomicInteger();
        s.onDrop(drops::incrementAndGet);
        assertTrue(s.offer("a"));
        assertTrue(s.offer("b"));
        assertFalse(s.offer("c"), "the third does not fit");
        assertFalse(s.offer("d"), "and it stays dropped");
        assertEquals(1, drops.get(), "told once");
        assertEquals("dropped", s.poll(0), "what waited is discarded; the notice is left");
        assertTrue(s.finished());
        assertNull(s.poll(10));
    }

    @Test
    void aSubscriberThatKeepsUpIsNeverDropped() throws Exception {
        Subscriber s = new Subscriber(2, "dropped");
        for (int i = 0; i < 100; i++) {
            assertTrue(s.offer("e" + i));
            assertEquals("e" + i, s.poll(0));
        }
        assertFalse(s.finished());
    }

    @Test
    void theHubDropsTheSubscriberThatDoesNotReadAndKeepsTheOneThatDoes() throws Exception {
        EventHub hub = new EventHub();
        Subscriber stalled = hub.subscribe();
        Subscriber reading = hub.subscribe();
        for (int i = 0; i <= EventHub.QUEUE; i++) {
            hub.publish(hub.event("job.submitted"));
            assertTrue(reading.poll(0).contains("\"type\":\"job.submitted\""));
        }
        assertEquals(1, hub.subscribers(), "only the reading one is left");
        String last = stalled.poll(0);
        assertTrue(last.contains("\"type\":\"subscriber.dropped\"") && last.contains("\"version\":1"), last);
        assertTrue(stalled.finished());
    }
}
