package org.jobshell.core.stack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jobshell.api.OptionSpec;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.admin.PluginInfo;
import org.jobshell.api.admin.PluginInventory;
import org.jobshell.api.admin.PluginOption;
import org.jobshell.core.spi.PluginSource;
import org.jobshell.core.spi.ServiceConf;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Tracks every {@link ShellPlugin} and {@link PluginSource} service and keeps an immutable, sorted
 * snapshot that jobs take at their start. Rebuilt on bind, unbind and property updates (a changed
 * ranking moves a plugin, a changed configuration reaches the next job).
 */
@Component(service = {PluginRegistry.class, PluginInventory.class})
public final class PluginRegistry implements PluginInventory {

    private final Map<Long, PluginEntry> entries = new TreeMap<>();
    private final Map<Long, SourceEntry> sources = new TreeMap<>();
    private final Map<Long, String> problems = new TreeMap<>();
    /** service id to registering bundle id, for retirement */
    private final Map<Long, Long> bundles = new TreeMap<>();
    private final Set<Long> retired = new HashSet<>();
    private Set<String> disabled = Set.of();
    private volatile PluginSnapshot snapshot = PluginSnapshot.EMPTY;
    private volatile List<String> listingProblems = List.of();

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
        String bsn = bundleName(ref);
        String version = bundleVersion(ref);
        if (!(name instanceof String) || ((String) name).isBlank()) {
            problems.put(id, "service " + id + " of bundle " + bsn + " " + version + " has no " + ShellPlugin.NAME
                    + " property: ignored");
            rebuild();
            return;
        }
        entries.put(id, new PluginEntry((String) name, ranking(ref), id, isTrue(ref.getProperty(ShellPlugin.OPTIONAL)),
                bsn, version, plugin, ServiceConf.of(ref),
                PluginEntry.Constraints.of(ref.getProperty(ShellPlugin.AFTER), ref.getProperty(ShellPlugin.BEFORE))));
        Bundle b = ref.getBundle();
        bundles.put(id, b == null ? -1L : b.getBundleId());
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
        bundles.remove(id);
        if (gone != null) {
            gone.markRemoved();
        }
        rebuild();
    }

    /**
     * @param ref a plugin source service
     * @param source the service
     */
    @Reference(service = PluginSource.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeSource", updated = "addSource")
    synchronized void addSource(ServiceReference<PluginSource> ref, PluginSource source) {
        long id = (Long) ref.getProperty(Constants.SERVICE_ID);
        Object name = ref.getProperty(PluginSource.NAME);
        String bsn = bundleName(ref);
        sources.put(id, new SourceEntry(name instanceof String && !((String) name).isBlank() ? (String) name : bsn,
                ranking(ref), id, bsn, bundleVersion(ref), source));
        rebuild();
    }

    /** @param ref the plugin source service going away */
    synchronized void removeSource(ServiceReference<PluginSource> ref) {
        sources.remove((Long) ref.getProperty(Constants.SERVICE_ID));
        rebuild();
    }

    private void rebuild() {
        List<PluginEntry> current = new ArrayList<>();
        for (PluginEntry e : entries.values()) {
            if (!retired.contains(bundles.get(e.serviceId()))) {
                current.add(e);
            }
        }
        snapshot = PluginSnapshot.of(current, sources.values(), disabled);
    }

    /**
     * Takes plugin names out of the snapshots of jobs (and the container) from now on.
     *
     * @param names the disabled names, replacing the ones before
     */
    public synchronized void disable(Set<String> names) {
        if (!names.equals(disabled)) {
            disabled = Set.copyOf(names);
            rebuild();
        }
    }

    /**
     * Takes the plugins of a bundle out of the snapshots of jobs that start from now on.
     *
     * @param bundleId the bundle
     */
    public synchronized void retire(long bundleId) {
        if (retired.add(bundleId)) {
            rebuild();
        }
    }

    /** @param bundleId a retired bundle that is gone: forgotten (bundle ids are never reused) */
    public synchronized void forget(long bundleId) {
        retired.remove(bundleId);
    }

    /**
     * @param snapshot the plugins of a job
     * @param bundleId a bundle
     * @return whether the job holds a plugin of that bundle
     */
    public synchronized boolean holds(PluginSnapshot snapshot, long bundleId) {
        for (PluginEntry e : snapshot.all()) {
            Long b = bundles.get(e.serviceId());
            if (b != null && b == bundleId) {
                return true;
            }
        }
        return false;
    }

    private static int ranking(ServiceReference<?> ref) {
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        return ranking instanceof Integer ? (Integer) ranking : 0;
    }

    private static String bundleName(ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        return b == null ? "?" : b.getSymbolicName();
    }

    private static String bundleVersion(ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        return b == null ? "?" : b.getVersion().toString();
    }

    private static boolean isTrue(Object o) {
        return o instanceof Boolean ? (Boolean) o : o != null && Boolean.parseBoolean(o.toString().trim());
    }

    @Override
    public List<PluginInfo> plugins() {
        Inventory inventory = Inventory.of(snapshot);
        listingProblems = inventory.problems();
        return inventory.plugins();
    }

    @Override
    public List<PluginOption> options() {
        PluginSnapshot s = snapshot;
        List<PluginOption> options = new ArrayList<>();
        for (OptionSpec o : CoreOptions.ALL) {
            options.add(new PluginOption(CoreOptions.OWNER, o));
        }
        for (PluginEntry e : s.active()) {
            AttachedPlugin probe = Inventory.probe(e);
            for (OptionSpec o : probe == null ? List.<OptionSpec>of() : probe.options()) {
                options.add(new PluginOption(e.name(), o));
            }
        }
        options.sort(Comparator.comparing(o -> o.option().name()));
        return options;
    }

    @Override
    public synchronized List<String> problems() {
        List<String> all = new ArrayList<>(problems.values());
        all.addAll(snapshot.warnings());
        all.addAll(listingProblems);
        return all;
    }
}
