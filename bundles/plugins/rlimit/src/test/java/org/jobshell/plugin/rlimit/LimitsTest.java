package org.jobshell.plugin.rlimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.jobshell.api.ShellException;
import org.junit.jupiter.api.Test;

/** Option rlimit (spec §3.2, scenario F54). */
class LimitsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void namesAndAliasesInTheOptionsOrder() throws Exception {
        assertEquals(List.of(new Limits.Limit("nofile", 123), new Limits.Limit("core", 0)),
                Limits.of(json.readTree("{\"ofile\":123,\"core\":0}")));
    }

    @Test
    void anUnknownNameOrABadValueIsNamed() {
        ShellException e = assertThrows(ShellException.class, () -> Limits.of(json.readTree("{\"foo\":1234}")));
        assertTrue(e.getMessage().startsWith("invalid shell option rlimit.foo=1234 (limits: cpu, fsize"), e.getMessage());
        e = assertThrows(ShellException.class, () -> Limits.of(json.readTree("{\"nofile\":\"many\"}")));
        assertTrue(e.getMessage().startsWith("invalid shell option rlimit.nofile=\"many\""), e.getMessage());
    }

    @Test
    void hardLimitsComeFromProcLimits() {
        List<String> file = List.of("Limit                     Soft Limit           Hard Limit           Units     ",
                "Max open files            1024                 4096                 files     ",
                "Max core file size        0                    unlimited            bytes     ");
        assertEquals(4096, Limits.hard(file, "nofile"));
        assertEquals(-1, Limits.hard(file, "core"));
    }
}
