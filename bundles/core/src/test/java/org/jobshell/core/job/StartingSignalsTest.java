package org.jobshell.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jobshell.core.spi.Spawned;
import org.junit.jupiter.api.Test;

/** A signal sent while tasks start reaches each task once: at once if it runs, else right after its spawn. */
class StartingSignalsTest {

    private final StartingSignals starting = new StartingSignals();
    private final List<Spawned> running = new ArrayList<>();

    @Test
    void aTaskStartedAfterASignalGetsItOnceAndOnlyTheSignalsBeforeIt() {
        assertEquals(List.of(), starting.send(15, () -> running));
        starting.send(10, () -> running);
        starting.send(15, () -> running);
        starting.send(0, () -> running);
        assertEquals(List.of(15, 10), starting.started(() -> running.add(null)));
        assertEquals(1, starting.send(12, () -> running).size(), "a running task gets the signal at once");
        assertEquals(List.of(15, 10, 12), starting.started(() -> { }));
    }

    @Test
    void onceEveryTaskStartedNothingIsKeptForLater() {
        starting.startsDone();
        starting.send(10, () -> running);
        assertEquals(List.of(), starting.started(() -> { }));
    }
}
