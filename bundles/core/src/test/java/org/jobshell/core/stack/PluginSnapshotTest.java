package org.jobshell.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Load order and name replacement across plugin services (DESIGN §3). */
class PluginSnapshotTest {

    private static PluginEntry entry(String name, int ranking, long serviceId) {
        return new PluginEntry(name, ranking, serviceId, false, "bundle." + name + "." + ranking, "1.0.0",
                plugin -> { }, null);
    }

    @Test
    void orderIsAscendingRankingThenInstallOrder() {
        PluginSnapshot s = PluginSnapshot.of(List.of(entry("c", 50, 1), entry("a", 10, 3), entry("b", 10, 2)));
        assertEquals(List.of("b", "a", "c"), s.all().stream().map(PluginEntry::name).collect(Collectors.toList()));
    }

    @Test
    void aHigherRankedPluginOfTheSameNameReplacesTheBuiltinAtTheEnd() {
        PluginEntry builtin = entry("cpu-affinity", 36, 5);
        PluginEntry output = entry("output", 27, 4);
        PluginEntry site = entry("cpu-affinity", 100, 9);
        PluginEntry later = entry("zeta", 60, 6);
        PluginSnapshot s = PluginSnapshot.of(List.of(site, builtin, output, later));
        assertEquals(List.of(output, later, site), s.active());
        assertSame(site, s.shadowedBy(builtin));
        assertNull(s.shadowedBy(site));
    }

    @Test
    void withEqualRankingTheLaterInstalledWins() {
        PluginEntry first = entry("p", 100, 10);
        PluginEntry second = entry("p", 100, 11);
        PluginSnapshot s = PluginSnapshot.of(List.of(second, first));
        assertEquals(List.of(second), s.active());
        assertSame(second, s.shadowedBy(first));
    }
}
