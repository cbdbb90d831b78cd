package org.jobshell.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a user sees of a finished job: its exit code, its terminal output, and the files of its job
 * directory.
 *
 * @param id the job id
 * @param exitCode the job's exit code
 * @param stdout what the job wrote to its standard output
 * @param stderr what it wrote to its standard error (task stderr and shell log lines)
 * @param directory the job directory
 */
public record JobResult(String id, int exitCode, String stdout, String stderr, Path directory) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** @return the lines of stderr */
    public List<String> stderrLines() {
        return lines(stderr);
    }

    /** @return the lines of stdout */
    public List<String> stdoutLines() {
        return lines(stdout);
    }

    /**
     * @param fragment a piece of text
     * @return the stderr lines that contain it
     */
    public List<String> stderrLinesWith(String fragment) {
        return stderrLines().stream().filter(l -> l.contains(fragment)).collect(Collectors.toList());
    }

    /**
     * @param name {@code exec} or {@code output}
     * @return the events of that eventlog, in order
     */
    public List<JsonNode> eventlog(String name) {
        return readEventlog(directory.resolve(name + ".eventlog"));
    }

    /**
     * @param name {@code exec} or {@code output}
     * @param event an event name
     * @return the events of that name, in order
     */
    public List<JsonNode> events(String name, String event) {
        return eventlog(name).stream().filter(e -> event.equals(e.path("name").asText()))
                .collect(Collectors.toList());
    }

    /** @return the shell's cores from the job's R.json (rank 0), as an idset */
    public String cores() {
        try {
            JsonNode r = MAPPER.readTree(directory.resolve("R.json").toFile());
            return r.path("execution").path("R_lite").path(0).path("children").path("core").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads an eventlog as it is now: one JSON object per complete line.
     *
     * @param file the eventlog
     * @return its events; empty when it does not exist yet
     */
    static List<JsonNode> readEventlog(Path file) {
        List<JsonNode> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return events;
        }
        try {
            String text = Files.readString(file);
            int end = text.lastIndexOf('\n');
            for (String line : lines(end < 0 ? "" : text.substring(0, end))) {
                events.add(MAPPER.readTree(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    @Override
    public String toString() {
        return "job " + id + " exited " + exitCode + "\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr + "---";
    }
}
