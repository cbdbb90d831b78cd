package org.jobshell.lua;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * File patterns as the reference's rc functions take them: POSIX glob (each {@code /}-separated part
 * may hold {@code *}, {@code ?} and {@code [...]}; a leading dot is matched only by a dot; matches in
 * sorted order), a leading {@code ~} for the job's {@code HOME}, and relative paths taken from the
 * job's working directory. A match is shown as the pattern spelt it.
 */
final class RcFiles {

    /**
     * A file a pattern names.
     *
     * @param display how users see it: the pattern with its wildcards filled in
     * @param path the file
     */
    record Match(String display, Path path) {
    }

    private RcFiles() {
    }

    /**
     * @param pattern a pattern
     * @return whether it has a wildcard
     */
    static boolean isGlob(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }

    /**
     * @param literal a path, maybe relative
     * @param runner whose job's working directory relative paths are taken from
     * @return the path
     */
    static Path resolve(String literal, RcRunner runner) {
        return runner.shell().info().cwd().resolve(literal);
    }

    /**
     * @param pattern a pattern
     * @param runner whose job's working directory and HOME the pattern is taken from
     * @return the existing files it names, sorted
     */
    static List<Match> expand(String pattern, RcRunner runner) {
        String p = pattern;
        if (p.equals("~") || p.startsWith("~/")) {
            String home = runner.shell().environment().get("HOME");
            p = (home == null ? System.getProperty("user.home") : home) + p.substring(1);
        }
        boolean absolute = p.startsWith("/");
        List<Match> found = new ArrayList<>();
        found.add(new Match(absolute ? "/" : "", absolute ? Path.of("/") : runner.shell().info().cwd()));
        for (String part : p.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            found = isGlob(part) ? match(found, part) : append(found, part);
        }
        List<Match> existing = new ArrayList<>();
        for (Match m : found) {
            if (Files.exists(m.path())) {
                existing.add(m);
            }
        }
        return existing;
    }

    private static List<Match> append(List<Match> from, String part) {
        List<Match> next = new ArrayList<>(from.size());
        for (Match m : from) {
            next.add(new Match(join(m.display(), part), m.path().resolve(part)));
        }
        return next;
    }

    private static List<Match> match(List<Match> from, String part) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + part.replace("{", "\\{").replace("}", "\\}"));
        boolean dotFiles = part.startsWith(".");
        List<Match> next = new ArrayList<>();
        for (Match m : from) {
            if (!Files.isDirectory(m.path())) {
                continue;
            }
            List<String> names = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(m.path())) {
                for (Path e : entries) {
                    String name = e.getFileName().toString();
                    if ((dotFiles || !name.startsWith(".")) && matcher.matches(e.getFileName())) {
                        names.add(name);
                    }
                }
            } catch (IOException e) {
                continue; // an unreadable directory matches nothing, as with glob(3)
            }
            names.sort(null);
            for (String name : names) {
                next.add(new Match(join(m.display(), name), m.path().resolve(name)));
            }
        }
        return next;
    }

    private static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir.endsWith("/") ? dir + name : dir + "/" + name;
    }
}
