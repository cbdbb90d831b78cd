package org.jobshell.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDKs on this machine, and the JDK and launcher an execution of the end-to-end tests runs
 * {@code bin/jobshell} with (the build runs them once per launcher: see runtime/pom.xml), from system
 * properties: {@code jobshell.test.jdk}, the feature version of the JDK to use (e.g. {@code 17}; the
 * newest installed one of that version; empty: the test's own environment), and
 * {@code jobshell.test.launcher}, the launcher the {@code jobshell.launcher} setting forces
 * ({@code posix} or {@code processbuilder}; empty: the default), and {@code jobshell.test.client}, the
 * client of a daemon ({@code java}; empty: bin/jobshell's choice, the native client where it was built).
 */
final class TestJdk {

    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+).*");
    private static final String HOME = find(System.getProperty("jobshell.test.jdk", ""));

    private TestJdk() {
    }

    /** @return JAVA_HOME for bin/jobshell, or empty */
    static String home() {
        return HOME;
    }

    /** @return the launcher forced, or empty */
    static String launcher() {
        return System.getProperty("jobshell.test.launcher", "");
    }

    /**
     * @return whether this run's clients of a daemon are the Java client ({@code JOBSHELL_CLIENT=java}):
     *         property {@code jobshell.test.client}, else the native one where the build made it
     */
    static boolean javaClient() {
        return System.getProperty("jobshell.test.client", "").equals("java");
    }

    /** @return whether this execution runs tasks with the posix launcher */
    static boolean posix() {
        return "posix".equals(launcher());
    }

    /** @return this JVM's JDK and every JDK 17+ in /usr/lib/jvm (no symbolic links) */
    static List<Path> installed() {
        List<Path> jdks = new ArrayList<>();
        jdks.add(Path.of(System.getProperty("java.home")));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (var dirs = Files.list(jvms)) {
                dirs.filter(d -> Files.isExecutable(d.resolve("bin/java")) && !Files.isSymbolicLink(d)
                        && featureVersion(d) >= 17).sorted().forEach(jdks::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jdks;
    }

    private static String find(String feature) {
        if (feature.isEmpty()) {
            return "";
        }
        int wanted = Integer.parseInt(feature);
        String found = installed().stream().filter(d -> featureVersion(d) == wanted).reduce((a, b) -> b)
                .map(Path::toString).orElse("");
        if (found.isEmpty()) {
            System.err.println("jobshell.test.jdk=" + feature + ": no such JDK here (java.home, /usr/lib/jvm): "
                    + "bin/jobshell runs on its default JDK");
        }
        return found;
    }

    /** @return the JDK's feature version from its release file, 0 when unknown */
    static int featureVersion(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                Matcher m = VERSION.matcher(line);
                if (m.matches()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
