package org.jobshell.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import java.util.List;
import org.jobshell.api.Idset;
import org.jobshell.api.ShellException;
import org.junit.jupiter.api.Test;

/** R (RFC 20) and hostlists (RFC 29). */
class ResourcesTest {

    @Test
    void localRRoundTripsThroughJson() {
        BitSet cores = Idset.decode("0-3");
        Resources r = Resources.local(3, "node1", cores, 0);
        String json = r.toJson().toString();
        assertEquals("[{\"rank\":\"0-2\",\"children\":{\"core\":\"0-3\"}}]",
                r.toJson().get("execution").get("R_lite").toString());
        Resources back = Resources.parse(r.toJson());
        assertEquals(3, back.ranks().size());
        assertEquals("node1", back.ranks().get(2).host());
        assertEquals(cores, back.ranks().get(1).cores());
        assertEquals(json, back.toJson().toString());
    }

    @Test
    void fluxRWithHostlistsAndGpusParses() throws Exception {
        Resources r = Resources.parse(JobHarness.MAPPER.readTree(("{'version':1,'execution':{'R_lite':["
                + "{'rank':'0','children':{'core':'0-1','gpu':'0'}},{'rank':'1-2','children':{'core':'0'}}],"
                + "'nodelist':['fake[0-1]','big'],'starttime':0,'expiration':0}}").replace('\'', '"')));
        assertEquals(List.of("fake0", "fake1", "big"), r.ranks().stream().map(Resources.Rank::host).toList());
        assertEquals(Idset.decode("0"), r.ranks().get(0).gpus());
        assertEquals(Idset.decode("0"), r.ranks().get(2).cores());
    }

    @Test
    void badRNamesTheField() throws Exception {
        ShellException e = assertThrows(ShellException.class, () -> Resources.parse(JobHarness.MAPPER.readTree(
                "{\"version\":1,\"execution\":{\"R_lite\":[{\"rank\":\"1\",\"children\":{\"core\":\"0\"}}]}}")));
        assertEquals("R: execution.R_lite: rank 0 is missing", e.getMessage());
        e = assertThrows(ShellException.class, () -> Resources.parse(JobHarness.MAPPER.readTree(
                "{\"version\":1,\"execution\":{\"R_lite\":[{\"rank\":\"0\",\"children\":{\"core\":\"x\"}}]}}")));
        assertEquals("R: execution.R_lite[0].children.core: bad idset 'x': 'x' is not an id or range", e.getMessage());
    }

    @Test
    void hostlistsExpandInOrder() {
        assertEquals(List.of("n01", "n02", "n07", "login"), Hostlist.expand("n[01-02,07],login"));
        assertEquals(List.of("a1b", "a2b"), Hostlist.expand("a[1-2]b"));
        assertEquals(List.of("h", "h"), Hostlist.expand("h,h"));
        assertThrows(IllegalArgumentException.class, () -> Hostlist.expand("fake[0-3"));
    }
}
