package org.jobshell.core.stack;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.admin.PluginInfo;
import org.jobshell.api.admin.PluginInventory;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Tracks every {@link ShellPlugin} service and keeps an immutable, sorted snapshot that jobs take
 * at their start. Rebuilt on bind, unbind and property updates (a changed ranking moves a plugin).
 */
@Component(service = {PluginRegistry.class, PluginInventory.class})
public final class PluginRegistry implements PluginInventory {

    private final Map<Long, PluginEntry> entries = new TreeMap<>();
    private final Map<Long, String> problems = new TreeMap<>();
    private volatile PluginSnapshot snapshot = PluginSnapshot.EMPTY;

    /** @return the plugins as of now, for one job */
    public PluginSnapshot snapshot() {
        return snapshot;
    }

    /**
     * @param ref the service reference
     * @param plugin the service
     */
    @Reference(service = ShellPlugin.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removePlugin", updated = "updatePlugin")
    synchronized void addPlugin(ServiceReference<ShellPlugin> ref, ShellPlugin plugin) {
        long id = (Long) ref.getProperty(Constants.SERVICE_ID);
        Object name = ref.getProperty(ShellPlugin.NAME);
        Bundle b = ref.getBundle();
        String bsn = b == null ? "?" : b.getSymbolicName();
        String version = b == null ? "?" : b.getVersion().toString();
        if (!(name instanceof String) || ((String) name).isBlank()) {
            problems.put(id, "service " + id + " of bundle " + bsn + " " + version + " has no " + ShellPlugin.NAME
                    + " property: ignored");
            rebuild();
            return;
        }
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        entries.put(id, new PluginEntry((String) name, ranking instanceof Integer ? (Integer) ranking : 0, id,
                isTrue(ref.getProperty(ShellPlugin.OPTIONAL)), bsn, version, plugin));
        rebuild();
    }

    /**
     * @param ref the service reference whose properties changed
     * @param plugin the service
     */
    synchronized void updatePlugin(ServiceReference<ShellPlugin> ref, ShellPlugin plugin) {
        long id = (Long) ref.getProperty(Constants.SERVICE_ID);
        PluginEntry before = entries.remove(id);
        problems.remove(id);
        addPlugin(ref, plugin);
        if (before != null) {
            // running jobs hold the old entry: it must learn when the service goes away
            PluginEntry now = entries.get(id);
            if (now != null) {
                before.supersededBy(now);
            } else {
                before.markRemoved(); // no longer a usable plugin: no later unbind would mark it
            }
        }
    }

    /** @param ref the service reference going away */
    synchronized void removePlugin(ServiceReference<ShellPlugin> ref) {
        long id = (Long) ref.getProperty(Constants.SERVICE_ID);
        PluginEntry gone = entries.remove(id);
        problems.remove(id);
        if (gone != null) {
            gone.markRemoved();
        }
        rebuild();
    }

    private void rebuild() {
        snapshot = PluginSnapshot.of(entries.values());
    }

    private static boolean isTrue(Object o) {
        return o instanceof Boolean ? (Boolean) o : o != null && Boolean.parseBoolean(o.toString().trim());
    }

    @Override
    public List<PluginInfo> plugins() {
        PluginSnapshot s = snapshot;
        List<PluginInfo> infos = new ArrayList<>();
        for (PluginEntry e : s.all()) {
            PluginEntry winner = s.shadowedBy(e);
            infos.add(new PluginInfo(e.name(), e.ranking(), e.serviceId(), e.bundle(), e.bundleVersion(), e.optional(),
                    winner == null, winner == null ? null : winner.bundle() + " " + winner.bundleVersion(),
                    probeTopics(e)));
        }
        return infos;
    }

    @Override
    public synchronized List<String> problems() {
        return List.copyOf(problems.values());
    }

    /**
     * Attaches the plugin to a shell that refuses every call, to learn the handlers it registers.
     * Plugins only register handlers in attach; one that touches the shell there lists no topics.
     */
    private static List<String> probeTopics(PluginEntry e) {
        AttachedPlugin probe = new AttachedPlugin(e.name(), e, e.optional(), refusingShell(), null);
        try {
            e.plugin().attach(probe);
        } catch (Throwable t) {
            return List.of();
        }
        return probe.topics();
    }

    private static Shell refusingShell() {
        return (Shell) Proxy.newProxyInstance(Shell.class.getClassLoader(), new Class<?>[] {Shell.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "toString":
                            return "probe shell";
                        default:
                            break;
                    }
                    throw new UnsupportedOperationException("no job: the plugin is only being listed");
                });
    }
}
