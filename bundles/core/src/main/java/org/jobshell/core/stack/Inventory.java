package org.jobshell.core.stack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jobshell.api.admin.PluginInfo;
import org.jobshell.core.spi.PluginListing;

/**
 * What {@code jobshell plugins} lists, taken from one snapshot: every plugin service, and at each
 * plugin source's place in the load order the plugins it says it would push
 * ({@link org.jobshell.core.spi.PluginSource#listing()}). Of each name the last loaded is active,
 * as in a job; a source that cannot tell is a problem, named.
 */
final class Inventory {

    /** One listed plugin, before shadowing is known. */
    private record Row(String name, int ranking, long serviceId, String bundle, String bundleVersion,
            boolean optional, List<String> topics, String origin) implements Ranked {
        String from() {
            return origin != null ? origin : bundle + " " + bundleVersion;
        }
    }

    private final List<PluginInfo> plugins = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private Inventory(PluginSnapshot snapshot) {
        List<Row> rows = new ArrayList<>();
        for (Ranked step : snapshot.listing()) {
            if (step instanceof PluginEntry) {
                PluginEntry e = (PluginEntry) step;
                rows.add(new Row(e.name(), e.ranking(), e.serviceId(), e.bundle(), e.bundleVersion(), e.optional(),
                        probeTopics(e), null));
            } else {
                listed((SourceEntry) step, rows);
            }
        }
        Map<String, Row> winner = new HashMap<>();
        // of each name the last loaded wins: the highest (ranking, service id), ties to the later pushed
        rows.forEach(r -> winner.merge(r.name(), r, (w, n) -> Ranked.LOAD_ORDER.compare(n, w) >= 0 ? n : w));
        for (Row r : rows) {
            Row w = winner.get(r.name());
            plugins.add(new PluginInfo(r.name(), r.ranking(), r.serviceId(), r.bundle(), r.bundleVersion(),
                    r.optional(), w == r, w == r ? null : w.from(), r.topics(), r.origin(),
                    snapshot.disabled().contains(r.name())));
        }
    }

    /**
     * @param snapshot the registered plugins and sources
     * @return the inventory of the next job's plugins
     */
    static Inventory of(PluginSnapshot snapshot) {
        return new Inventory(snapshot);
    }

    /** @return every plugin, in load order, shadowed ones included */
    List<PluginInfo> plugins() {
        return List.copyOf(plugins);
    }

    /** @return the sources that could not tell what they push, one line each */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private void listed(SourceEntry source, List<Row> rows) {
        List<PluginListing> listings;
        try {
            listings = source.source().listing();
        } catch (Throwable t) {
            problems.add(source.describe() + ": cannot list its plugins: " + Dispatcher.messageOf(t));
            return;
        }
        for (PluginListing l : listings) {
            rows.add(new Row(l.name(), source.ranking(), source.serviceId(), source.bundle(), source.bundleVersion(),
                    l.optional(), l.topics(), l.origin()));
        }
    }

    /**
     * Attaches the plugin to a shell that refuses every call, to learn the handlers it registers.
     * Plugins only register handlers in attach; one that touches the shell there lists no topics.
     */
    private static List<String> probeTopics(PluginEntry e) {
        AttachedPlugin probe = probe(e);
        return probe == null ? List.of() : probe.topics();
    }

    /**
     * @param e a plugin service
     * @return it attached, with its configuration, to a shell that refuses every call (to learn its
     *     handlers and declared options), or null when its attach failed
     */
    static AttachedPlugin probe(PluginEntry e) {
        AttachedPlugin probe = new AttachedPlugin(e.name(), e, e.optional(), e.conf(), ProbeOwner.INSTANCE);
        try {
            e.plugin().attach(probe);
        } catch (Throwable t) {
            return null;
        }
        return probe;
    }
}
