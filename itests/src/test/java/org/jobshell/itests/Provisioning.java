package org.jobshell.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import org.ops4j.pax.exam.Option;

/**
 * The container every integration test runs in: Felix with SCR, EventAdmin, ConfigAdmin, Jackson,
 * and the jobshell API, core and builtin plugins (output, cpu-affinity), as a site would deploy them.
 * Examples and fixtures are not provisioned: tests install them when they need them.
 */
public final class Provisioning {

    private Provisioning() {
    }

    /** @return the options of the common container */
    public static Option[] container() {
        return options(
                frameworkProperty("jobshell.var.dir").value(varDirectory()),
                mavenBundle("org.osgi", "org.osgi.util.function").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.util.promise").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.service.component").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.scr").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.eventadmin").versionAsInProject(),
                mavenBundle("com.fasterxml.jackson.core", "jackson-annotations").versionAsInProject(),
                mavenBundle("com.fasterxml.jackson.core", "jackson-core").versionAsInProject(),
                mavenBundle("com.fasterxml.jackson.core", "jackson-databind").versionAsInProject(),
                bundle(ReactorBundles.url(ReactorBundles.API)),
                bundle(ReactorBundles.url(ReactorBundles.CORE)),
                bundle(ReactorBundles.url(ReactorBundles.OUTPUT)),
                bundle(ReactorBundles.url(ReactorBundles.CPU_AFFINITY)),
                junitBundles());
    }

    /** @return where jobs of the tests live: {@code target/jobshell-var} (set by failsafe) */
    private static String varDirectory() {
        return ReactorBundles.required("jobshell.itests.var");
    }
}
