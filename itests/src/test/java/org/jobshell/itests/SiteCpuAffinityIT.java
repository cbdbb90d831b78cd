package org.jobshell.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jobshell.api.Idset;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The example site plugin's policy, as users see it: per-task shares, really applied, and off. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SiteCpuAffinityIT extends ContainerTestBase {

    /** Each task prints its rank, the binding it was told about, and the CPUs it may really run on. */
    private static final String SHOW_AFFINITY = "echo $JOBSHELL_TASK_RANK ${JOBSHELL_CPU_BINDING:-none}"
            + " $(awk '/^Cpus_allowed_list/ {print $2}' /proc/self/status)";

    /** Deploys the site plugin and waits until jobs get it. */
    @Before
    public void deploySitePlugin() throws Exception {
        deploy(ReactorBundles.SITE_CPU_AFFINITY, "cpu-affinity", Plugins.SITE_CPU_AFFINITY);
    }

    /** Removes it again (here: the base class's clean-up would come too late) and waits for the builtin. */
    @After
    public void removeSitePlugin() throws Exception {
        bundles.uninstallAll();
        new Plugins(inventory).awaitActive("cpu-affinity", Plugins.BUILTIN_CPU_AFFINITY);
    }

    /**
     * Two tasks: each is really bound to the set it is told about, the sets cover the shell's cores,
     * they don't overlap when there are enough cores, and {@code -v} logs each binding.
     */
    @Test
    public void eachTaskIsBoundToItsOwnShareOfTheCores() {
        JobResult r = jobs.run(JobspecBuilder.shell(SHOW_AFFINITY).tasks(2).option("verbose", 1));
        assertEquals(r.toString(), 0, r.exitCode());
        Map<Integer, String[]> byRank = parse(r.stdoutLines());
        assertEquals(r.toString(), List.of(0, 1), List.copyOf(byRank.keySet()));

        BitSet cores = Idset.decode(r.cores());
        BitSet union = new BitSet();
        int total = 0;
        for (Map.Entry<Integer, String[]> task : byRank.entrySet()) {
            String binding = task.getValue()[0];
            String actual = task.getValue()[1];
            assertEquals("task " + task.getKey() + " runs on the CPUs it was told: " + r, binding, actual);
            BitSet set = Idset.decode(binding);
            assertFalse(r.toString(), set.isEmpty());
            union.or(set);
            total += set.cardinality();
            assertEquals(r.toString(), 1, r.stderrLinesWith(
                    "site-cpu-affinity: task " + task.getKey() + ": cpus: " + binding).size());
        }
        assertEquals("the shares cover the shell's cores: " + r, cores, union);
        if (cores.cardinality() >= 2) {
            assertEquals("the shares are disjoint: " + r, cores.cardinality(), total);
        }
    }

    /**
     * {@code -o cpu-affinity=off}: no binding, no variable, the task keeps the container's CPUs (all
     * this process may use, which may be more than the job's one core in R).
     */
    @Test
    public void offLeavesAffinityAlone() throws IOException {
        JobResult r = jobs.run(JobspecBuilder.shell(SHOW_AFFINITY).option("cpu-affinity", "off"));
        assertEquals(r.toString(), 0, r.exitCode());
        assertEquals(r.toString(), "0 none " + containerCpus() + "\n", r.stdout());
        assertEquals(r.toString(), "", r.stderr());
    }

    /** The site decides: a builtin-only value such as {@code map:} is ignored with a warning. */
    @Test
    public void otherValuesWarnAndKeepTheSitePolicy() {
        JobResult r = jobs.run(JobspecBuilder.shell(SHOW_AFFINITY).option("cpu-affinity", "map:0"));
        assertEquals(r.toString(), 0, r.exitCode());
        assertEquals(r.toString(), "0 " + r.cores() + " " + r.cores() + "\n", r.stdout());
        List<String> warnings = r.stderrLinesWith("WARN");
        assertEquals(r.toString(), 1, warnings.size());
        assertTrue(r.toString(), warnings.get(0).contains("cpu-affinity: site policy binds tasks per task: ignoring"
                + " cpu-affinity=map:0"));
    }

    /** @return the CPUs this process (the container) may run on, as /proc shows them */
    private static String containerCpus() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        throw new AssertionError("no Cpus_allowed_list in /proc/self/status");
    }

    private static Map<Integer, String[]> parse(List<String> lines) {
        Map<Integer, String[]> byRank = new TreeMap<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            assertEquals("rank, binding, actual CPUs: '" + line + "'", 3, f.length);
            byRank.put(Integer.valueOf(f[0]), new String[] {f[1], f[2]});
        }
        return byRank;
    }
}
