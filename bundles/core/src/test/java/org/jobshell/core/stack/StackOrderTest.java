package org.jobshell.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Ordering constraints ({@code jobshell.plugin.after}, {@code jobshell.plugin.before}) within ranking order. */
class StackOrderTest {

    private static long ids;

    private static PluginEntry entry(String name, int ranking, String after, String before) {
        return new PluginEntry(name, ranking, ++ids, false, "bundle." + name, "1.0.0", plugin -> { }, null,
                PluginEntry.Constraints.of(after, before));
    }

    private static PluginSnapshot snapshot(PluginEntry... entries) {
        return PluginSnapshot.of(List.of(entries), List.of(), Set.of());
    }

    private static List<String> names(PluginSnapshot s) {
        return s.active().stream().map(PluginEntry::name).collect(Collectors.toList());
    }

    @Test
    void withoutConstraintsRankingOrderHolds() {
        PluginSnapshot s = snapshot(entry("c", 30, null, null), entry("a", 10, null, null), entry("b", 20, null, null));
        assertEquals(List.of("a", "b", "c"), names(s));
        assertEquals(List.of(), s.warnings());
    }

    @Test
    void afterMovesAPluginBehindTheNamedOneAndNoFurther() {
        PluginSnapshot s = snapshot(entry("a", 10, "c", null), entry("b", 20, null, null), entry("c", 30, null, null),
                entry("d", 40, null, null));
        assertEquals(List.of("b", "c", "a", "d"), names(s));
    }

    @Test
    void beforeMovesTheNamedOneBehindThePlugin() {
        PluginSnapshot s = snapshot(entry("a", 10, null, null), entry("b", 20, null, null),
                entry("c", 30, null, "a,b"));
        assertEquals(List.of("c", "a", "b"), names(s));
    }

    @Test
    void afterAndBeforeTogether() {
        PluginSnapshot s = snapshot(entry("a", 10, null, null), entry("b", 20, null, null), entry("c", 30, null, null),
                entry("x", 5, "b", "c"));
        assertEquals(List.of("a", "b", "x", "c"), names(s));
        assertEquals(List.of(), s.warnings());
    }

    @Test
    void theSourcesKeepTheirPlaceAndThePluginsFillTheirSlotsInResolvedOrder() {
        PluginEntry a = entry("a", 10, "b", null);
        PluginEntry b = entry("b", 20, null, null);
        SourceEntry lua = new SourceEntry("lua", Integer.MAX_VALUE, ++ids, "bundle.lua", "1.0.0", stack -> { });
        PluginSnapshot s = PluginSnapshot.of(List.of(a, b), List.of(lua), Set.of());
        assertEquals(List.of(b, a, lua), s.order());
    }

    @Test
    void aCycleIsOneWarningNamingItsPluginsAndRankingOrderIsUsed() {
        PluginSnapshot s = snapshot(entry("a", 10, "c", null), entry("b", 20, null, null), entry("c", 30, "a", null),
                entry("d", 40, "b", null));
        assertEquals(List.of("a", "b", "c", "d"), names(s));
        assertEquals(List.of("plugins 'a', 'c': their jobshell.plugin.after/jobshell.plugin.before constraints form a"
                + " cycle; ranking order is used"), s.warnings());
    }

    @Test
    void anUnknownNameIsOneWarningAndThatConstraintIsIgnored() {
        PluginSnapshot s = snapshot(entry("a", 10, "nosuch,c", null), entry("b", 20, null, null),
                entry("c", 30, null, null));
        assertEquals(List.of("b", "c", "a"), names(s));
        assertEquals(List.of("plugin 'a': jobshell.plugin.after names 'nosuch', which is not on the stack; that "
                + "constraint is ignored"), s.warnings());
    }

    @Test
    void aDisabledNameIsNeitherOnTheStackNorWarnedAbout() {
        PluginSnapshot s = PluginSnapshot.of(List.of(entry("a", 10, "b", null), entry("b", 20, null, null),
                entry("c", 30, null, null)), List.of(), Set.of("b"));
        assertEquals(List.of("a", "c"), names(s));
        assertEquals(List.of(), s.warnings());
        assertEquals(Set.of("b"), s.disabled());
    }
}
