package org.jobshell.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Karaf features XML, resolved for real: for each feature, its bundles and those of the
 * features it names are installed into a fresh Felix framework (a plain one: the system bundle
 * exports only the JDK's and the framework's packages, as Karaf's does) and must all resolve.
 * An unresolved bundle fails the build with the framework's reason (the missing requirement).
 */
class FeaturesResolveTest {

    @TempDir
    Path storage;

    @Test
    void everyFeatureResolvesWithTheFeaturesItNames() throws Exception {
        Map<String, Element> features = features();
        assertFalse(features.isEmpty());
        List<String> problems = new ArrayList<>();
        for (String name : features.keySet()) {
            problems.addAll(resolve(name, bundles(name, features, new LinkedHashSet<>())));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void thereIsAFeaturePerBuiltinAndOneEachForCoreLuaConsoleAndDaemon() throws Exception {
        Set<String> expected = new TreeSet<>(Set.of("jobshell-core", "jobshell-lua", "jobshell-console",
                "jobshell-daemon"));
        // every module under bundles/plugins is a builtin: a new one without its feature fails here
        try (Stream<Path> builtins = Files.list(Path.of("../bundles/plugins"))) {
            builtins.filter(Files::isDirectory)
                    .forEach(d -> expected.add("jobshell-plugin-" + d.getFileName()));
        }
        assertEquals(expected, new TreeSet<>(features().keySet()));
    }

    private static Map<String, Element> features() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new File(System.getProperty("features.xml")));
        NodeList list = doc.getDocumentElement().getElementsByTagName("feature");
        Map<String, Element> features = new LinkedHashMap<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if (e.getParentNode() == doc.getDocumentElement()) {
                features.put(e.getAttribute("name"), e);
            }
        }
        return features;
    }

    /** @return the bundle URLs of a feature and of the features it names, depth first */
    private static Set<String> bundles(String name, Map<String, Element> features, Set<String> into) {
        Element f = features.get(name);
        if (f == null) {
            throw new AssertionError("feature " + name + " is named but not defined");
        }
        NodeList deps = f.getElementsByTagName("feature");
        for (int i = 0; i < deps.getLength(); i++) {
            bundles(deps.item(i).getTextContent().trim(), features, into);
        }
        NodeList bundles = f.getElementsByTagName("bundle");
        for (int i = 0; i < bundles.getLength(); i++) {
            into.add(bundles.item(i).getTextContent().trim());
        }
        return into;
    }

    private List<String> resolve(String feature, Set<String> urls) throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, storage.resolve(feature).toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put("felix.log.level", "0");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(props);
        framework.start(); // started, so that starting an unresolved bundle says why it does not resolve
        List<String> problems = new ArrayList<>();
        try {
            List<Bundle> installed = new ArrayList<>();
            for (String url : urls) {
                Path jar = jar(url);
                installed.add(framework.getBundleContext().installBundle(url, Files.newInputStream(jar)));
            }
            framework.adapt(FrameworkWiring.class).resolveBundles(installed);
            for (Bundle b : installed) {
                if (b.getState() == Bundle.INSTALLED) {
                    problems.add(feature + ": " + b.getLocation() + " does not resolve: " + reason(b));
                }
            }
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
        return problems;
    }

    private static String reason(Bundle b) {
        try {
            b.start();
            return "(it resolved when started)";
        } catch (BundleException e) {
            return e.getMessage();
        }
    }

    /** mvn:group/artifact/version: this build's jar for the reactor's, else the local repository's. */
    private static Path jar(String url) {
        String[] gav = url.substring("mvn:".length()).split("/");
        String reactor = System.getProperty("bundle." + gav[1]);
        if (reactor != null) {
            return Path.of(reactor);
        }
        Path jar = Path.of(System.getProperty("local.repository"), gav[0].replace('.', '/'), gav[1], gav[2],
                gav[1] + "-" + gav[2] + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(url + ": no " + jar + " (declare it as a dependency of the features module)");
        }
        return jar;
    }
}
