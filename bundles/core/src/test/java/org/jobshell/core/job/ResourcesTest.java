package org.jobshell.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jobshell.api.Idset;
import org.jobshell.api.ShellException;
import org.junit.jupiter.api.Test;

/** R (RFC 20) and hostlists (RFC 29). */
class ResourcesTest {

    /** A jobspec of {@code nodes} nodes, each with {@code slots} slots of {@code cores} cores, and a task count. */
    private static Jobspec jobspec(int nodes, int slots, int cores, String count) throws Exception {
        return Jobspec.parse(JobHarness.MAPPER.readTree(("{'version':1,'resources':[{'type':'node','count':" + nodes
                + ",'with':[{'type':'slot','count':" + slots + ",'label':'task','with':[{'type':'core','count':"
                + cores + "}]}]}],'tasks':[{'command':['true'],'slot':'task','count':" + count + "}],"
                + "'attributes':{'system':{}}}")
                .replace('\'', '"')));
    }

    /** @return each rank's cores in R, as idsets */
    private static List<String> cores(Jobspec jobspec, String allowed) {
        return Resources.local(jobspec, "node1", Idset.decode(allowed)).ranks().stream()
                .map(r -> Idset.encode(r.cores())).toList();
    }

    @Test
    void localRRoundTripsThroughJson() throws Exception {
        Resources r = Resources.local(jobspec(3, 1, 1, "{'per_slot':1}"), "node1", Idset.decode("0-3"));
        String json = r.toJson().toString();
        assertEquals("[{\"rank\":\"0\",\"children\":{\"core\":\"0\"}},{\"rank\":\"1\",\"children\":{\"core\":\"1\"}},"
                + "{\"rank\":\"2\",\"children\":{\"core\":\"2\"}}]", r.toJson().get("execution").get("R_lite").toString());
        Resources back = Resources.parse(r.toJson());
        assertEquals(3, back.ranks().size());
        assertEquals("node1", back.ranks().get(2).host());
        assertEquals(Idset.decode("1"), back.ranks().get(1).cores());
        assertEquals(json, back.toJson().toString());
    }

    @Test
    void eachRankHoldsItsTasksTimesTheCoresPerTask() throws Exception {
        assertEquals(List.of("0"), cores(jobspec(1, 1, 1, "{'per_slot':1}"), "0-3"), "-n 1 -c 1");
        assertEquals(List.of("0-1"), cores(jobspec(1, 1, 2, "{'per_slot':1}"), "0-3"), "-n 1 -c 2");
        assertEquals(List.of("0-5"), cores(jobspec(1, 3, 2, "{'per_slot':1}"), "0-7"), "-n 3 -c 2");
        assertEquals(List.of("0-1", "2"), cores(jobspec(2, 2, 1, "{'total':3}"), "0-3"), "-N 2 -n 3");
        assertEquals(List.of("2,5"), cores(jobspec(1, 2, 1, "{'per_slot':1}"), "2,5-7"), "in order of the allowed CPUs");
    }

    @Test
    void slotsHoldingSeveralTasksAskForTheirCoresOnce() throws Exception {
        assertEquals(List.of("0-3"), cores(jobspec(1, 2, 2, "{'per_slot':2}"), "0-7"), "4 tasks in 2 slots of 2 cores");
        assertEquals(List.of("0-1"), cores(jobspec(1, 1, 2, "{'total':3}"), "0-7"), "3 tasks in 1 slot of 2 cores");
    }

    @Test
    void askingForMoreCoresThanThereAreGivesAllOfThem() throws Exception {
        assertEquals(List.of("0-1"), cores(jobspec(1, 1000, 1, "{'per_slot':1}"), "0-1"), "-n 1000 on 2 cores");
        assertEquals(List.of("0-1"), cores(jobspec(1, 1, 3, "{'per_slot':1}"), "0-1"), "-c 3 on 2 cores");
        assertEquals(List.of("0", "1", "0"), cores(jobspec(3, 1, 1, "{'per_slot':1}"), "0-1"),
                "ranks share the CPUs once every one is taken");
        assertEquals(List.of("0-1", "0-1"), cores(jobspec(2, 2, 1, "{'per_slot':1}"), "0-1"));
    }

    @Test
    void theTimeLimitIsTheJobspecsDuration() throws Exception {
        Jobspec spec = Jobspec.parse(JobHarness.MAPPER.readTree(("{'version':1,'resources':[{'type':'slot','count':1,"
                + "'label':'task','with':[{'type':'core','count':1}]}],'tasks':[{'command':['true'],'slot':'task',"
                + "'count':{'total':1}}],'attributes':{'system':{'duration':60}}}").replace('\'', '"')));
        Resources r = Resources.local(spec, "node1", Idset.decode("0"));
        assertEquals(60.0, r.expiration() - r.starttime(), 1e-6);
        assertEquals(0.0, Resources.local(jobspec(1, 1, 1, "{'total':1}"), "node1", Idset.decode("0")).expiration());
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
}
