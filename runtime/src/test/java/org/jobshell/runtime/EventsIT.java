package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code jobshell events}: JSON lines of what changes in the daemon, and what a slow subscriber gets. */
class EventsIT extends DaemonTestBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aPluginJarCopiedInThenDeletedIsAddedThenRemovedAndAJobIsSubmittedStartedFinished() throws Exception {
        try (RawClient events = new RawClient(daemon.socket())) {
            events.request("[\"events\"]");
            events.lines();
            RunningDaemon.await("the subscription to see a job", 30, () -> dist.run("run", "true").exitCode() == 0
                    && events.lines().stream().anyMatch(l -> l.contains("\"job.finished\"")));
            Path jar = dist.home().resolve("plugins/site.jar");
            Files.copy(Path.of(System.getProperty("bundle.site-cpu-affinity")), dir.resolve("site.jar"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.move(dir.resolve("site.jar"), jar, StandardCopyOption.ATOMIC_MOVE);
            HotDeployIT.awaitPlugins("cpu-affinity +100 +active .*");
            Files.delete(jar);
            HotDeployIT.awaitPlugins("cpu-affinity +36 +active .*");
            Path optional = dist.home().resolve("etc/org.jobshell.plugin.cpuaffinity.CpuAffinityPlugin.cfg");
            Files.writeString(optional, "jobshell.plugin.optional=true\n");
            HotDeployIT.awaitPlugins("cpu-affinity +36 +active,optional .*");
            Files.delete(optional);
            HotDeployIT.awaitPlugins("cpu-affinity +36 +active .*");
            Files.writeString(dist.home().resolve("etc/org.example.audit.cfg"), "level=2\n");
            RunningDaemon.await("the config event", 30, () -> configSeen(events));
            List<JsonNode> seen = events.lines().stream().map(EventsIT::json).collect(Collectors.toList());
            List<String> types = seen.stream().map(e -> e.path("type").asText()).collect(Collectors.toList());
            int added = types.indexOf("plugin.added");
            int removed = types.indexOf("plugin.removed");
            assertTrue(added >= 0 && removed > added, "plugin.added before plugin.removed: " + types);
            JsonNode a = seen.get(added);
            assertEquals("cpu-affinity", a.path("name").asText());
            assertEquals("org.jobshell.example.sitecpuaffinity", a.path("bundle").asText());
            assertEquals(100, a.path("ranking").asInt());
            assertTrue(a.path("bundleVersion").asText().startsWith("0.1.0."), a.toString());
            assertTrue(seen.stream().anyMatch(e -> e.path("type").asText().equals("plugin.added")
                    && e.path("bundle").asText().equals("org.jobshell.plugin.cpuaffinity")),
                    "a configuration re-registered the builtin (DS re-creates a component without @Modified): "
                    + types);
            assertTrue(types.contains("config.deleted"), types.toString());
            int submitted = types.indexOf("job.submitted");
            assertTrue(submitted >= 0 && types.indexOf("job.started") > submitted
                    && types.indexOf("job.finished") > types.indexOf("job.started"), types.toString());
            for (JsonNode e : seen) {
                assertEquals(1, e.path("version").asInt(), "every event has the protocol version: " + e);
            }
        }
    }

    @Test
    void aSubscriberThatNeverReadsIsDroppedWhile100JobsRunAndTheyAllFinish() throws Exception {
        try (RawClient stalled = new RawClient(daemon.socket()); RawClient reader = new RawClient(daemon.socket())) {
            stalled.request("[\"events\"]");
            reader.request("[\"events\"]");
            reader.lines(); // the reader reads from now on
            // a subscription is live once the daemon's thread for it ran: once it saw a job, it misses none
            RunningDaemon.await("the subscription to see a job", 30, () -> dist.run("run", "true").exitCode() == 0
                    && !jobsSeen(reader).isEmpty());
            Set<String> before = jobsSeen(reader).keySet();
            List<RawClient> jobs = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                RawClient c = new RawClient(daemon.socket());
                c.request("[\"run\",\"sh\",\"-c\",\"echo " + i + "\"]");
                jobs.add(c);
            }
            for (int i = 0; i < jobs.size(); i++) {
                try (RawClient c = jobs.get(i)) {
                    assertEquals(i + "\nexit 0", c.readAll(), "job " + i);
                }
            }
            try {
                RunningDaemon.await("the reader to have every job's three events", 60,
                        () -> jobsSeen(reader).entrySet().stream().filter(j -> !before.contains(j.getKey()))
                                .filter(j -> j.getValue().containsAll(List.of("job.submitted", "job.started",
                                        "job.finished"))).count() == 100);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; before the jobs " + before + ", then " + jobsSeen(reader)
                        + "; the reader's last line: " + reader.lines().get(reader.lines().size() - 1), e);
            }
            RunningDaemon.await("the daemon to drop the stalled subscriber", 30,
                    () -> daemon.log().contains("jobshell daemon: events subscriber dropped"));
            List<String> dropped = stalled.readFrames();
            String last = dropped.get(dropped.size() - 1);
            assertEquals("exit 1", last, "the stalled subscriber was dropped: " + dropped.size() + " frames");
            assertTrue(dropped.get(dropped.size() - 2).contains("\"type\":\"subscriber.dropped\""), dropped.toString());
            assertTrue(reader.lines().stream().noneMatch(l -> l.contains("subscriber.dropped")), "the reader was not");
        }
    }

    /** @return the jobs a subscriber has had events of, by id, with the types of their events */
    private static Map<String, Set<String>> jobsSeen(RawClient events) {
        return events.lines().stream().filter(l -> l.contains("\"type\":\"job.")).map(EventsIT::json)
                .collect(Collectors.groupingBy(e -> e.path("id").asText(),
                        Collectors.mapping(e -> e.path("type").asText(), Collectors.toSet())));
    }

    private static boolean configSeen(RawClient events) {
        return events.lines().stream().anyMatch(l -> l.contains("\"config.updated\"")
                && l.contains("\"pid\":\"org.example.audit\""));
    }

    private static JsonNode json(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(line, e);
        }
    }
}
