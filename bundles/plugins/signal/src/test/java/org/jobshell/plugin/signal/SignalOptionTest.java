package org.jobshell.plugin.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jobshell.api.ShellException;
import org.junit.jupiter.api.Test;

class SignalOptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SignalOption of(String json) throws Exception {
        return SignalOption.of(json == null ? null : JSON.readTree(json));
    }

    @Test
    void absentOrZeroIsOffAnyOtherIntegerTheDefaults() throws Exception {
        assertNull(of(null));
        assertNull(of("0"));
        assertEquals(new SignalOption(10, 60), of("1"));
        assertEquals("SIGUSR1", of("1").signame());
    }

    @Test
    void anObjectSetsSignumAndTimeleftAsSecondsOrADuration() throws Exception {
        assertEquals(new SignalOption(12, 60), of("{\"signum\": 12}"));
        assertEquals(new SignalOption(10, 4.5), of("{\"timeleft\": 4.5}"));
        assertEquals(new SignalOption(10, 300), of("{\"timeleft\": \"5m\"}"));
        assertEquals("SIGUSR2", of("{\"signum\": 12}").signame());
        assertEquals("SIG40", of("{\"signum\": 40}").signame());
    }

    @Test
    void mistakesNameTheKey() {
        assertEquals("unknown key signal.when (keys: signum, timeleft)",
                assertThrows(ShellException.class, () -> of("{\"when\": 1}")).getMessage());
        assertEquals("signal.signum must be a signal number from 1 to 64, got 0",
                assertThrows(ShellException.class, () -> of("{\"signum\": 0}")).getMessage());
        assertEquals("signal.timeleft must be a number of seconds >= 0 or a Flux Standard Duration, got -1",
                assertThrows(ShellException.class, () -> of("{\"timeleft\": -1}")).getMessage());
        assertEquals("signal must be an integer or an object {signum, timeleft}, got \"on\"",
                assertThrows(ShellException.class, () -> of("\"on\"")).getMessage());
    }
}
