package org.jobshell.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The container's private Felix bundle cache: {@code felix-<host>-<pid>} (0700) in the first of
 * the given directories that takes it. It is removed when the container stops; one left by a
 * container that died (its process is gone) is removed by the next container that starts there.
 * The host is part of the name because a cache directory may be shared between hosts.
 */
final class BundleCache {

    private final Path dir;

    private BundleCache(Path dir) {
        this.dir = dir;
    }

    /**
     * Removes the caches of dead containers of this host, then creates this one's.
     *
     * @param roots where to keep it, in order of preference
     * @param host this host's name
     * @return the cache
     * @throws LauncherException when no root takes it
     */
    static BundleCache create(List<Path> roots, String host) throws LauncherException {
        String problems = "";
        for (Path root : roots) {
            try {
                Files.createDirectories(root);
                removeDead(root, host);
                Path dir = root.resolve(prefix(host) + ProcessHandle.current().pid());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rwx------")));
                return new BundleCache(dir);
            } catch (IOException | UncheckedIOException e) {
                problems += (problems.isEmpty() ? "" : "; ") + root + ": " + e.getMessage();
            }
        }
        throw new LauncherException("cannot create a bundle cache directory: " + problems);
    }

    Path dir() {
        return dir;
    }

    /** Removes the cache; a failure leaves it for the next container to remove. */
    void delete() {
        deleteTree(dir);
    }

    private static String prefix(String host) {
        return "felix-" + host + "-";
    }

    private static void removeDead(Path root, String host) throws IOException {
        String prefix = prefix(host);
        try (DirectoryStream<Path> caches = Files.newDirectoryStream(root, prefix + "*")) {
            for (Path cache : caches) {
                Optional<Long> pid = pid(cache.getFileName().toString().substring(prefix.length()));
                // this process's own name is left from a dead one that had the same pid
                if (pid.isPresent() && (pid.get() == ProcessHandle.current().pid()
                        || ProcessHandle.of(pid.get()).isEmpty())) {
                    deleteTree(cache);
                }
            }
        }
    }

    private static Optional<Long> pid(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // another user's, or in use: left for its owner
        }
    }
}
