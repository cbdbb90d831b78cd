package org.jobshell.runtime;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A private copy of the assembled distribution (runtime/target/jobshell), so that a test can add
 * plugin bundles without touching the build's, and a way to run its {@code bin/jobshell}.
 */
final class Distribution {

    private final Path home;

    private Distribution(Path home) {
        this.home = home;
    }

    /** Copies the distribution into {@code dir}. */
    static Distribution copyInto(Path dir) {
        Path source = Path.of(System.getProperty("jobshell.dist"));
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = dir.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the distribution " + source, e);
        }
        return new Distribution(dir);
    }

    Path home() {
        return home;
    }

    /** Drops a bundle (given by its system property, set by the build) into plugins/. */
    Path addPlugin(String bundleProperty) {
        Path jar = Path.of(System.getProperty(bundleProperty));
        try {
            return Files.copy(jar, home.resolve("plugins").resolve(jar.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code bin/jobshell} */
    Path command() {
        return home.resolve("bin/jobshell");
    }

    /** Starts {@code bin/jobshell args...} with the test's environment. */
    Process start(String... args) {
        return start(pb -> { }, args);
    }

    /** Starts {@code bin/jobshell args...} with {@code JAVA_HOME} set to the given JDK. */
    Process startWith(Path javaHome, String... args) {
        return start(pb -> pb.environment().put("JAVA_HOME", javaHome.toString()), args);
    }

    /**
     * Starts {@code bin/jobshell args...}, stdin from /dev/null, after {@code setup} adjusted the
     * process (its environment, directory or redirections).
     */
    Process start(Consumer<ProcessBuilder> setup, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(command().toString());
        cmd.addAll(List.of(args));
        return start(new ProcessBuilder(cmd), setup);
    }

    /**
     * Starts a bash script as users type it, {@code $J} being this distribution's
     * {@code bin/jobshell}, e.g. {@code "umask 000; $J run true"}.
     */
    Process shell(String script) {
        return start(new ProcessBuilder("bash", "-c", script), pb -> pb.environment().put("J", command().toString()));
    }

    /**
     * Starts a bash script in an interactive shell with job control on a pseudo-terminal (util-linux's
     * {@code script}), as a user types it at a terminal; {@code $J} as in {@link #shell}.
     */
    Process interactive(String script, Consumer<ProcessBuilder> setup) {
        Path file;
        try {
            file = Files.writeString(Files.createTempFile(home, "interactive", ".sh"), "set -m\n" + script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(new ProcessBuilder("script", "-qec", "bash -i " + file, "/dev/null"), pb -> {
            pb.environment().put("J", command().toString());
            setup.accept(pb);
        });
    }

    private static Process start(ProcessBuilder pb, Consumer<ProcessBuilder> setup) {
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        String javaHome = TestJdk.home();
        if (!javaHome.isEmpty()) {
            pb.environment().put("JAVA_HOME", javaHome);
        }
        if (TestJdk.javaClient()) {
            pb.environment().put("JOBSHELL_CLIENT", "java"); // this run's daemon client
        }
        setup.accept(pb);
        if (javaHome.equals(pb.environment().getOrDefault("JAVA_HOME", "")) && !TestJdk.launcher().isEmpty()) {
            // this run's launcher, unless the test chose another JDK itself
            pb.environment().merge("JOBSHELL_JAVA_OPTS", "-Djobshell.launcher=" + TestJdk.launcher(),
                    (theirs, ours) -> ours + " " + theirs);
        }
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code bin/jobshell args...} to its end (at most 60 s). */
    Run run(String... args) {
        return Run.of(start(args));
    }

    /** Runs {@code bin/jobshell args...} with these JVM options ({@code JOBSHELL_JAVA_OPTS}), e.g. settings. */
    Run run(List<String> javaOptions, String... args) {
        return Run.of(start(pb -> pb.environment().put("JOBSHELL_JAVA_OPTS", String.join(" ", javaOptions)), args));
    }

    /**
     * What a run of bin/jobshell showed.
     *
     * @param exitCode its exit code
     * @param stdout its standard output
     * @param stderr its standard error
     */
    record Run(int exitCode, String stdout, String stderr) {

        static Run of(Process p) {
            try {
                // read both streams concurrently so that neither pipe fills up
                CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
                String out = read(p.getInputStream());
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("bin/jobshell did not end within 60 s");
                }
                return new Run(p.exitValue(), out, err.join());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        private static String read(InputStream in) {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> stdoutLines() {
            return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
        }

        List<String> stderrLines() {
            return stderr.isEmpty() ? List.of() : List.of(stderr.split("\n"));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }
}
