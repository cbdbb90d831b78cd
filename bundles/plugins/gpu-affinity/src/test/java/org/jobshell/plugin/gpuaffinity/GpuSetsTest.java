package org.jobshell.plugin.gpuaffinity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jobshell.api.Idset;
import org.jobshell.api.ShellException;
import org.junit.jupiter.api.Test;

/** What each task's CUDA_VISIBLE_DEVICES is (spec §3.2, scenario F53). */
class GpuSetsTest {

    @Test
    void onIsACommaListNeverARange() {
        assertEquals("0,1,2,3", GpuSets.list(Idset.decode("0-3")));
    }

    @Test
    void perTaskGivesEachTaskItsShareAndLeavesTheRest() {
        assertEquals(List.of("0,1", "2,3"), GpuSets.perTask(Idset.decode("0-3"), 2));
        assertEquals(List.of("0", "1", "2"), GpuSets.perTask(Idset.decode("0-3"), 3));
        assertEquals(List.of("", "", ""), GpuSets.perTask(Idset.decode("0-1"), 3));
    }

    @Test
    void mapEntriesAreIdsets() {
        assertEquals(List.of("7", "4,5,6"), GpuSets.parseMap("7;4-6"));
        assertEquals("gpu set 'x' contains no GPUs or is invalid",
                assertThrows(ShellException.class, () -> GpuSets.parseMap("1;x")).getMessage());
    }

    @Test
    void theOptionIsOneOfFourForms() {
        for (String ok : List.of("on", "off", "per-task", "map:0;1")) {
            GpuSets.check(ok);
        }
        assertEquals("must be on, off, per-task or map:LIST, got \"bogus\"",
                assertThrows(ShellException.class, () -> GpuSets.check("bogus")).getMessage());
    }
}
