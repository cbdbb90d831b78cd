package org.jobshell.daemon;

import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Whether the DS components of a bundle that just started came up: a plugin component is activated
 * when the core binds its service, and one whose activate method throws is reported by SCR as
 * {@code FAILED_ACTIVATION}, with the exception.
 */
final class ComponentHealth {

    private static final long WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

    private ComponentHealth() {
    }

    /**
     * @param scr the component runtime, or null when there is none
     * @param bundle a started bundle
     * @return why one of its components failed, or null when none did (waiting at most 300 ms for them to be active)
     */
    static String failure(ServiceComponentRuntime scr, Bundle bundle) throws InterruptedException {
        if (scr == null) {
            return null;
        }
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (true) {
            boolean settled = true;
            for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundle)) {
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                    if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        return "component " + d.name + " failed to activate: " + firstLine(c.failure);
                    }
                    settled &= c.state == ComponentConfigurationDTO.ACTIVE;
                }
            }
            if (settled || System.nanoTime() > deadline) {
                return null;
            }
            Thread.sleep(10);
        }
    }

    private static String firstLine(String failure) {
        if (failure == null) {
            return "unknown reason";
        }
        String line = failure.lines().findFirst().orElse("").trim();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
