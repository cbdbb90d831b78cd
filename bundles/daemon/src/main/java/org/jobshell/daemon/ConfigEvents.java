package org.jobshell.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code config.updated} and {@code config.deleted} (pid, factory pid): ConfigAdmin's changes, e.g. of etc/*.cfg. */
@Component
public final class ConfigEvents implements ConfigurationListener {

    private final EventHub hub;

    /** @param hub where events go */
    @Activate
    public ConfigEvents(@Reference EventHub hub) {
        this.hub = hub;
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String type;
        switch (event.getType()) {
            case ConfigurationEvent.CM_UPDATED:
                type = "config.updated";
                break;
            case ConfigurationEvent.CM_DELETED:
                type = "config.deleted";
                break;
            default:
                return;
        }
        ObjectNode e = hub.event(type);
        e.put("pid", event.getPid());
        if (event.getFactoryPid() != null) {
            e.put("factoryPid", event.getFactoryPid());
        }
        hub.publish(e);
    }
}
