package org.jobshell.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A subscriber's queue is bounded: one that takes nothing while its queue is full, or that lets the
 * hard limit pile up, is dropped, its notice last; one that reads rides out a burst.
 */
class SubscriberTest {

    @Test
    void aFullQueueDropsTheSubscriberWithTheNoticeAsItsLastLine() throws Exception {
        Subscriber s = new Subscriber(2, 10, 0, "dropped"); // no grace: full is stalled
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
        Subscriber s = new Subscriber(2, 10, 0, "dropped");
        for (int i = 0; i < 100; i++) {
            assertTrue(s.offer("e" + i));
            assertEquals("e" + i, s.poll(0));
        }
        assertFalse(s.finished());
    }

    @Test
    void aBurstPastTheQueueIsRiddenOutWithinTheGraceAndTheHardLimitDropsAtOnce() throws Exception {
        Subscriber s = new Subscriber(2, 5, 60_000, "dropped");
        for (int i = 0; i < 5; i++) {
            assertTrue(s.offer("e" + i), "within the grace, up to the hard limit");
        }
        s.dropIfStalled();
        assertFalse(s.finished(), "it made progress less than the grace ago");
        assertFalse(s.offer("e5"), "the hard limit drops it");
        assertEquals("dropped", s.poll(0));
    }

    @Test
    void aSubscriberThatTakesNothingForTheGraceIsDroppedEvenWithNoNewEvent() throws Exception {
        Subscriber s = new Subscriber(2, 100, 50, "dropped");
        AtomicInteger drops = new AtomicInteger();
        s.onDrop(drops::incrementAndGet);
        assertTrue(s.offer("a"));
        assertTrue(s.offer("b"));
        Thread.sleep(100);
        s.dropIfStalled();
        assertEquals(1, drops.get());
        assertEquals("dropped", s.poll(0));
        assertTrue(s.finished());
    }

    @Test
    void theHubDropsTheSubscriberThatDoesNotReadAndKeepsTheOneThatDoes() throws Exception {
        EventHub hub = new EventHub();
        Subscriber stalled = hub.subscribe();
        Subscriber reading = hub.subscribe();
        for (int i = 0; i <= EventHub.HARD_QUEUE; i++) {
            hub.publish(hub.event("job.submitted"));
            assertTrue(reading.poll(0).contains("\"type\":\"job.submitted\""));
        }
        assertEquals(1, hub.subscribers(), "only the reading one is left");
        String last = stalled.poll(0);
        assertTrue(last.contains("\"type\":\"subscriber.dropped\"") && last.contains("\"version\":1"), last);
        assertTrue(stalled.finished());
    }
}
