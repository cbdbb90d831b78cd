package org.jobshell.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A job's directory {@code var/jobs/<id>/}, read as a user reads it. */
final class JobRecord {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern VERBOSE = Pattern.compile("jobshell: jobid (\\S+) \\((.*)\\)");

    private final Path dir;

    private JobRecord(Path dir) {
        this.dir = dir;
    }

    /**
     * The job whose id {@code jobshell run -v} printed on stderr (its first line but for the shell's
     * own messages, which may come before it).
     */
    static JobRecord ofVerbose(Distribution.Run run) {
        for (String line : run.stderrLines()) {
            Matcher m = VERBOSE.matcher(line);
            if (m.matches()) {
                return new JobRecord(Path.of(m.group(2)));
            }
        }
        throw new AssertionError("no job id on stderr: " + run);
    }

    /** The only job of {@code jobsDir} that is not in {@code before}. */
    static JobRecord newIn(Path jobsDir, Set<Path> before) {
        List<Path> added = jobs(jobsDir).stream().filter(d -> !before.contains(d)).collect(Collectors.toList());
        if (added.size() != 1) {
            throw new AssertionError("expected one new job in " + jobsDir + ", found " + added);
        }
        return new JobRecord(added.get(0));
    }

    /** @return the job directories in {@code jobsDir} */
    static Set<Path> jobs(Path jobsDir) {
        if (!Files.isDirectory(jobsDir)) {
            return Set.of();
        }
        try (Stream<Path> dirs = Files.list(jobsDir)) {
            return dirs.collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the bytes of every file below {@code dir} */
    static long size(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    /** @return the events of {@code exec} or {@code output}.eventlog, in order */
    List<JsonNode> events(String eventlog) {
        List<JsonNode> events = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dir.resolve(eventlog + ".eventlog"))) {
                events.add(MAPPER.readTree(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    /** @return the contexts of the events named {@code name} in that eventlog */
    List<JsonNode> contexts(String eventlog, String name) {
        return events(eventlog).stream().filter(e -> name.equals(e.path("name").asText())).map(e -> e.path("context"))
                .collect(Collectors.toList());
    }

    /** @return every byte of that stream the output eventlog kept, all tasks, in order */
    byte[] stored(String stream) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (JsonNode c : contexts("output", "data")) {
            if (stream.equals(c.path("stream").asText()) && c.has("data")) {
                String data = c.get("data").asText();
                bytes.writeBytes("base64".equals(c.path("encoding").asText()) ? Base64.getDecoder().decode(data)
                        : data.getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    /** @return how many end-of-file events of that stream the output eventlog has */
    long eofs(String stream) {
        return contexts("output", "data").stream()
                .filter(c -> stream.equals(c.path("stream").asText()) && c.path("eof").asBoolean()).count();
    }
}
