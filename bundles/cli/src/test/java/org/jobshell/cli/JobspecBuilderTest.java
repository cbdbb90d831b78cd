package org.jobshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The jobspec of a {@code jobshell run} command line, in Flux's v1 shape. */
class JobspecBuilderTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private ObjectNode build(String... args) {
        RunRequest r = new RunParser(mapper).parse(List.of(args));
        return new JobspecBuilder(mapper).build(r, Map.of("PATH", "/bin"), Path.of("/work"));
    }

    @Test
    void tasksWithoutNodesAreSlots() {
        ObjectNode spec = build("-n", "4", "-o", "x=1", "hostname");
        assertEquals("[{\"type\":\"slot\",\"count\":4,\"label\":\"task\",\"with\":[{\"type\":\"core\",\"count\":1}]}]",
                spec.get("resources").toString());
        assertEquals("[{\"command\":[\"hostname\"],\"slot\":\"task\",\"count\":{\"per_slot\":1}}]",
                spec.get("tasks").toString());
        assertEquals("{\"duration\":0,\"cwd\":\"/work\",\"environment\":{\"PATH\":\"/bin\"},"
                + "\"shell\":{\"options\":{\"x\":1}}}", spec.get("attributes").get("system").toString());
    }

    @Test
    void unevenTasksOverNodesAreATotal() {
        ObjectNode spec = build("-N", "2", "-n", "3", "-c", "2", "app");
        assertEquals("[{\"type\":\"node\",\"count\":2,\"with\":[{\"type\":\"slot\",\"count\":2,\"label\":\"task\","
                + "\"with\":[{\"type\":\"core\",\"count\":2}]}]}]", spec.get("resources").toString());
        assertEquals("{\"total\":3}", spec.get("tasks").get(0).get("count").toString());
    }

    @Test
    void coresPerTaskAreEachSlotsCores() {
        assertEquals("[{\"type\":\"slot\",\"count\":1,\"label\":\"task\",\"with\":[{\"type\":\"core\",\"count\":2}]}]",
                build("-n", "1", "-c", "2", "app").get("resources").toString());
        assertEquals("[{\"type\":\"slot\",\"count\":3,\"label\":\"task\",\"with\":[{\"type\":\"core\",\"count\":4}]}]",
                build("--cores-per-task=4", "-n", "3", "app").get("resources").toString());
    }

    @Test
    void environmentTemplatesGoToOptionEnvExpand() {
        RunRequest r = new RunParser(mapper).parse(List.of("-o", "x=1", "app"));
        ObjectNode system = (ObjectNode) new JobspecBuilder(mapper).build(r, Map.of("PATH", "/bin", "OUT", "o.{{taskid}}"),
                Path.of("/work")).get("attributes").get("system");
        assertEquals("{\"PATH\":\"/bin\"}", system.get("environment").toString());
        assertEquals("{\"x\":1,\"env-expand\":{\"OUT\":\"o.{{taskid}}\"}}", system.get("shell").get("options").toString());
    }

    @Test
    void nodesAloneMeanOneTaskPerNode() {
        assertEquals("{\"per_slot\":1}", build("-N", "3", "app").get("tasks").get(0).get("count").toString());
    }
}
