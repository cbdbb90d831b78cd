package org.jobshell.lua;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellPlugin;
import org.jobshell.core.spi.JobStack;
import org.jobshell.core.spi.PluginListing;
import org.jobshell.core.spi.PluginOrigin;

/**
 * The stack the rc files run against outside any job, to list what they would push: each plugin is
 * attached to a context that only records its topics; the last push of a name replaces an earlier
 * one, as on a job's stack.
 */
final class ListingStack implements JobStack {

    private final Shell shell = ListingShell.create(this::names);
    private final List<PluginListing> listings = new ArrayList<>();

    @Override
    public Shell shell() {
        return shell;
    }

    @Override
    public boolean push(String name, ShellPlugin plugin, PluginOrigin origin, boolean optional, ObjectNode conf) {
        List<String> topics = new ArrayList<>();
        try {
            plugin.attach(new RecordingContext(name, shell, conf, (glob, handler) -> topics.add(glob)));
        } catch (Exception e) {
            topics.clear(); // as for plugin services: one that does more than register handlers lists none
        }
        listings.removeIf(l -> l.name().equals(name));
        listings.add(new PluginListing(name, origin.describe(), optional, topics));
        return true;
    }

    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>();
        listings.forEach(l -> names.add(l.name()));
        return names;
    }

    /** @return what was pushed, in stack order */
    List<PluginListing> listings() {
        return List.copyOf(listings);
    }
}
