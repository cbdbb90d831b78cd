package org.jobshell.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.admin.PluginInfo;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/**
 * The registry as DS drives it (bind, updated, unbind): what jobs holding a snapshot see, what the
 * next job gets, and what admins are told.
 */
class PluginRegistryTest {

    private final PluginRegistry registry = new PluginRegistry();
    private final ShellPlugin plugin = p -> p.handle("shell.init", (s, t, a) -> { });

    /** A service of bundle org.site.x 1.2.0 (bundle id 7) with the given service id and properties. */
    private static ServiceReference<ShellPlugin> ref(long id, Object... keysAndValues) {
        return ofBundle(7, id, keysAndValues);
    }

    /** A service of bundle org.site.x 1.2.0 with the given bundle id, service id and properties. */
    private static ServiceReference<ShellPlugin> ofBundle(long bundleId, long id, Object... keysAndValues) {
        Map<String, Object> props = new HashMap<>();
        props.put(Constants.SERVICE_ID, id);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, m, args) -> m.getName().equals("getSymbolicName") ? "org.site.x"
                        : m.getName().equals("getVersion") ? new Version("1.2.0")
                : m.getName().equals("getBundleId") ? bundleId : unsupported(m.getName()));
        @SuppressWarnings("unchecked")
        ServiceReference<ShellPlugin> ref = (ServiceReference<ShellPlugin>) Proxy.newProxyInstance(
                ServiceReference.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                (proxy, m, args) -> m.getName().equals("getProperty") ? props.get((String) args[0])
                        : m.getName().equals("getPropertyKeys") ? props.keySet().toArray(new String[0])
                        : m.getName().equals("getBundle") ? bundle : unsupported(m.getName()));
        return ref;
    }

    private static ServiceReference<ShellPlugin> named(long id, String name, int ranking) {
        return ref(id, ShellPlugin.NAME, name, Constants.SERVICE_RANKING, ranking);
    }

    private static Object unsupported(String method) {
        throw new UnsupportedOperationException(method);
    }

    private List<String> activeNames() {
        return registry.snapshot().active().stream().map(e -> e.name() + "@" + e.ranking())
                .collect(Collectors.toList());
    }

    @Test
    void aJobHoldingAnEntryWhosePropertiesChangedSeesTheServiceGo() {
        registry.addPlugin(named(1, "p", 10), plugin);
        PluginEntry held = registry.snapshot().active().get(0);
        registry.updatePlugin(named(1, "p", 20), plugin);
        assertFalse(held.removed(), "the service is still there, with other properties");
        assertEquals(List.of("p@20"), activeNames(), "the next job gets the new properties");
        registry.removePlugin(named(1, "p", 20));
        assertTrue(held.removed(), "the job that attached the old entry must drop it");
        assertEquals(List.of(), activeNames());
    }

    @Test
    void aChainOfChangesStillEndsInRemoval() {
        registry.addPlugin(named(1, "p", 10), plugin);
        PluginEntry first = registry.snapshot().active().get(0);
        registry.updatePlugin(named(1, "p", 20), plugin);
        PluginEntry second = registry.snapshot().active().get(0);
        registry.updatePlugin(named(1, "p", 30), plugin);
        assertFalse(first.removed());
        assertFalse(second.removed());
        registry.removePlugin(named(1, "p", 30));
        assertTrue(first.removed(), "a job from before both changes");
        assertTrue(second.removed(), "a job from between them");
    }

    @Test
    void aRankingChangeReSortsTheStackAndDecidesWhichOfANameWins() {
        registry.addPlugin(named(1, "a", 10), plugin);
        registry.addPlugin(named(2, "b", 20), plugin);
        assertEquals(List.of("a@10", "b@20"), activeNames());
        registry.updatePlugin(named(1, "a", 30), plugin);
        assertEquals(List.of("b@20", "a@30"), activeNames());

        registry.addPlugin(named(3, "b", 25), plugin);
        assertEquals(List.of("b@25", "a@30"), activeNames(), "b of ranking 25 shadows b of 20");
        registry.updatePlugin(named(2, "b", 40), plugin);
        assertEquals(List.of("a@30", "b@40"), activeNames(), "now service 2 is loaded last and wins");
        PluginInfo shadowed = registry.plugins().stream().filter(i -> i.serviceId() == 3).findFirst().orElseThrow();
        assertFalse(shadowed.active());
        assertEquals("org.site.x 1.2.0", shadowed.shadowedBy());
    }

    @Test
    void servicesWithoutANameAreListedAsProblemsUntilTheyGetOne() {
        registry.addPlugin(ref(7, Constants.SERVICE_RANKING, 100), plugin);
        registry.addPlugin(ref(8, ShellPlugin.NAME, " "), plugin);
        assertEquals(List.of(
                "service 7 of bundle org.site.x 1.2.0 has no jobshell.plugin.name property: ignored",
                "service 8 of bundle org.site.x 1.2.0 has no jobshell.plugin.name property: ignored"),
                registry.problems());
        assertEquals(List.of(), activeNames());

        registry.updatePlugin(named(7, "late", 100), plugin);
        assertEquals(List.of("late@100"), activeNames());
        PluginEntry held = registry.snapshot().active().get(0);
        assertEquals(1, registry.problems().size());

        registry.updatePlugin(ref(7, Constants.SERVICE_RANKING, 100), plugin);
        assertTrue(held.removed(), "a job holding it must drop it: the registry no longer tracks the nameless service");
        assertEquals(List.of(), activeNames());
        assertEquals(2, registry.problems().size());

        registry.removePlugin(ref(7));
        registry.removePlugin(ref(8));
        assertEquals(List.of(), registry.problems());
    }

    @Test
    void aRetiredBundleLeavesTheStackOfNewJobsWhileAJobThatHoldsItKeepsIt() {
        registry.addPlugin(named(1, "cpu-affinity", 36), plugin);
        registry.addPlugin(ofBundle(9, 2, ShellPlugin.NAME, "cpu-affinity", Constants.SERVICE_RANKING, 100), plugin);
        PluginSnapshot running = registry.snapshot();
        assertEquals(List.of("cpu-affinity@100"), activeNames());

        registry.retire(9);
        assertEquals(List.of("cpu-affinity@36"), activeNames(), "new jobs get the builtin back at once");
        assertTrue(registry.holds(running, 9), "the job that started before holds the retired plugin");
        assertFalse(registry.holds(registry.snapshot(), 9));
        assertFalse(running.all().stream().anyMatch(PluginEntry::removed), "and its plugin is not dropped");
    }
}
