package org.jobshell.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.admin.DeployFailure;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code plugin.added}, {@code plugin.updated}, {@code plugin.removed} (name, bundle,
 * bundleVersion, ranking) as plugin services come and go, synchronously with the registry's own change; and
 * {@code plugin.failed} (file, bundle, reason) for a jar the deployer could not put in use. A
 * retired bundle's plugins are {@code removed} when they leave new jobs' stacks, not again when
 * the bundle is uninstalled later.
 */
@Component(service = PluginEvents.class)
public class PluginEvents implements ServiceListener {

    private final BundleContext context;
    private final EventHub hub;
    private final Set<Long> announcedGone = ConcurrentHashMap.newKeySet();

    /**
     * @param context this bundle's
     * @param hub where events go
     * @throws InvalidSyntaxException never: the filter is constant
     */
    @Activate
    public PluginEvents(BundleContext context, @Reference EventHub hub) throws InvalidSyntaxException {
        this.context = context;
        this.hub = hub;
        context.addServiceListener(this, "(" + Constants.OBJECTCLASS + "=" + ShellPlugin.class.getName() + ")");
    }

    @Deactivate
    void deactivate() {
        context.removeServiceListener(this);
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        ServiceReference<?> ref = event.getServiceReference();
        switch (event.getType()) {
            case ServiceEvent.REGISTERED:
                hub.publish(plugin("plugin.added", ref));
                break;
            case ServiceEvent.MODIFIED:
                hub.publish(plugin("plugin.updated", ref));
                break;
            case ServiceEvent.UNREGISTERING:
                if (!announcedGone.remove((Long) ref.getProperty(Constants.SERVICE_ID))) {
                    hub.publish(plugin("plugin.removed", ref));
                }
                break;
            default:
                break;
        }
    }

    /** @param bundle a bundle whose plugins just left the stack of new jobs */
    void retired(Bundle bundle) {
        ServiceReference<?>[] refs = bundle.getRegisteredServices();
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            Object classes = ref.getProperty(Constants.OBJECTCLASS);
            if (classes instanceof String[] && Set.of((String[]) classes).contains(ShellPlugin.class.getName())) {
                announcedGone.add((Long) ref.getProperty(Constants.SERVICE_ID));
                hub.publish(plugin("plugin.removed", ref));
            }
        }
    }

    /** @param failure a jar of the plugin directory that could not be put in use */
    void failed(DeployFailure failure) {
        ObjectNode e = hub.event("plugin.failed");
        e.put("file", failure.file());
        e.put("bundle", failure.bundle());
        e.put("reason", failure.reason());
        hub.publish(e);
    }

    private ObjectNode plugin(String type, ServiceReference<?> ref) {
        ObjectNode e = hub.event(type);
        Object name = ref.getProperty(ShellPlugin.NAME);
        e.put("name", name == null ? null : name.toString());
        Bundle b = ref.getBundle();
        e.put("bundle", b == null ? null : b.getSymbolicName());
        e.put("bundleVersion", b == null ? null : b.getVersion().toString());
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        e.put("ranking", ranking instanceof Integer ? (Integer) ranking : 0);
        return e;
    }
}
