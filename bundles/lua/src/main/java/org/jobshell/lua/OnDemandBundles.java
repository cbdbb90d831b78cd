package org.jobshell.lua;

import java.util.Collection;
import java.util.Map;
import org.jobshell.api.ShellPlugin;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook;

/**
 * Plugin bundles that {@code plugin.load} installs stay plugins of the jobs that load them: their
 * {@link ShellPlugin} services are hidden (service hooks) from every bundle but this one, so the
 * core's registry never makes them plugins of every job. Such bundles are recognised by their
 * location, {@value #LOCATION_PREFIX}{@code <path>}, which outlives a restart of this bundle.
 */
final class OnDemandBundles implements FindHook, EventListenerHook {

    /** The location prefix of the bundles {@code plugin.load} installs. */
    static final String LOCATION_PREFIX = "jobshell.lua:";

    private final long self;

    /** @param self the id of this (the Lua) bundle, which sees every service */
    OnDemandBundles(long self) {
        this.self = self;
    }

    /**
     * @param ref a service
     * @return whether it is a plugin of a bundle {@code plugin.load} installed
     */
    static boolean hidden(ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        if (b == null || !b.getLocation().startsWith(LOCATION_PREFIX)) {
            return false;
        }
        Object classes = ref.getProperty("objectClass");
        if (classes instanceof String[]) {
            for (String c : (String[]) classes) {
                if (c.equals(ShellPlugin.class.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean blind(BundleContext context) {
        Bundle b = context.getBundle();
        return b != null && b.getBundleId() != self && b.getBundleId() != 0;
    }

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        if (blind(context)) {
            references.removeIf(OnDemandBundles::hidden);
        }
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerHook.ListenerInfo>> listeners) {
        if (hidden(event.getServiceReference())) {
            listeners.keySet().removeIf(this::blind);
        }
    }
}
