package org.jobshell.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jobshell.api.ShellException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Jobspec parsing: valid Flux v1 jobspecs, and one line naming the field for bad ones. */
class JobspecTest {

    private static JsonNode json(String text) throws Exception {
        return JobHarness.MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void aFluxRunJobspecParses() throws Exception {
        Jobspec j = Jobspec.parse(json("{'version':1,'resources':[{'type':'node','count':2,'with':[{'type':'slot',"
                + "'count':2,'label':'task','with':[{'type':'core','count':3},{'type':'gpu','count':1}]}]}],"
                + "'tasks':[{'command':['hostname','-s'],'slot':'task','count':{'per_slot':1}}],"
                + "'attributes':{'system':{'duration':60,'cwd':'/home/u','environment':{'A':'1'},"
                + "'shell':{'options':{'cpu-affinity':'per-task'}}}}}"));
        assertEquals(List.of("hostname", "-s"), j.command());
        assertEquals(4, j.totalTasks());
        assertEquals(2, j.nnodes());
        assertEquals(3, j.coresPerSlot());
        assertEquals(1, j.gpusPerSlot());
        assertEquals(1, j.tasksPerSlot());
        assertEquals(6, j.coresFor(2), "two tasks of a node, one slot of 3 cores each");
        assertEquals("/home/u", j.cwd());
        assertEquals(Map.of("A", "1"), j.environment());
        assertEquals("per-task", j.options().get("cpu-affinity").asText());
        assertEquals(60.0, j.duration());
    }

    /** A minimal valid jobspec, with {@code SLOT} for the slot and {@code TASK} for the task's other keys. */
    private static final String BASE = "{'version':1,'resources':[SLOT],"
            + "'tasks':[{'command':['a'],TASK}],'attributes':{'system':{}}}";
    private static final String SLOT = "{'type':'slot','count':1,'label':'task','with':[{'type':'core','count':1}]}";
    private static final String TASK = "'slot':'task','count':{'per_slot':1}";

    private static String spec(String slot, String task) {
        return BASE.replace("SLOT", slot).replace("TASK", task);
    }

    @Test
    void theMinimalJobspecParses() throws Exception {
        Jobspec j = Jobspec.parse(json(spec(SLOT, TASK)));
        assertEquals(1, j.totalTasks());
        assertEquals(1, j.nnodes());
        assertEquals(List.of("a"), j.command());
        assertEquals(1, j.tasksPerSlot());
        assertEquals(1, j.coresFor(1));
    }

    @Test
    void tasksPerSlotSpreadATotalOverEverySlot() throws Exception {
        Jobspec j = Jobspec.parse(json("{'version':1,'resources':[{'type':'node','count':2,'with':[{'type':'slot',"
                + "'count':2,'label':'task','with':[{'type':'core','count':4}]}]}],'tasks':[{'command':['a'],"
                + "'slot':'task','count':{'total':9}}],'attributes':{'system':{}}}"));
        assertEquals(3, j.tasksPerSlot(), "9 tasks over 4 slots");
        assertEquals(8, j.coresFor(5), "5 tasks fill 2 slots");
        Jobspec perSlot = Jobspec.parse(json("{'version':1,'resources':[{'type':'slot','count':3,'label':'task',"
                + "'with':[{'type':'core','count':2}]}],'tasks':[{'command':['a'],'slot':'task','count':{'per_slot':2}}],"
                + "'attributes':{'system':{}}}"));
        assertEquals(6, perSlot.totalTasks());
        assertEquals(2, perSlot.tasksPerSlot());
        assertEquals(6, perSlot.coresFor(6));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{'resources':[],'tasks':[],'attributes':{'system':{}}}| jobspec: version: missing",
        "{'version':1,'tasks':[{'command':['a'],'slot':'task','count':{'total':1}}],'attributes':{'system':{}}}"
            + "| jobspec: resources: missing",
        "{'version':1,'resources':[SLOT],'tasks':[{'command':['a'],TASK}]}| jobspec: attributes: missing",
        "{'version':1,'resources':[SLOT],'tasks':[{'command':['a'],TASK}],'attributes':[]}"
            + "| jobspec: attributes: must be an object",
        "{'version':1,'resources':[SLOT],'tasks':[{'command':['a'],TASK}],'attributes':{'user':{}}}"
            + "| jobspec: attributes.system: missing",
    })
    void whatTheRfcsRequireIsRequired(String text, String message) {
        assertRejected(text.replace("SLOT", SLOT).replace("TASK", TASK), message);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "{'type':'slot','count':1,'with':[{'type':'core','count':1}]}| 'slot':'task','count':{'total':1}"
            + "| jobspec: resources[0].label: missing: a slot needs a label, which tasks[0].slot names",
        "{'type':'node','count':1,'with':[{'type':'slot','count':1,'with':[{'type':'core','count':1}]}]}"
            + "| 'slot':'task','count':{'total':1}"
            + "| jobspec: resources[0].with[0].label: missing: a slot needs a label, which tasks[0].slot names",
        "{'type':'slot','count':1,'label':7}| 'slot':'task','count':{'total':1}"
            + "| jobspec: resources[0].label: must be a non-empty string, got 7",
        "SLOT| 'count':{'total':1}"
            + "| jobspec: tasks[0].slot: missing: it names the task slot (here \"task\") the tasks run in",
        "SLOT| 'slot':'other','count':{'total':1}"
            + "| jobspec: tasks[0].slot: names no slot: \"other\" (the slot's label is \"task\")",
        "SLOT| 'slot':['task'],'count':{'total':1}| jobspec: tasks[0].slot: must be a string, got [\"task\"]",
    })
    void aTaskSlotIsLabelledAndNamed(String slot, String task, String message) {
        assertRejected(spec(slot.replace("SLOT", SLOT), task), message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "[1,2]| jobspec: must be a JSON object",
        "{'version':2,'tasks':[]}| jobspec: version: must be 1, got 2",
        "{'version':1}| jobspec: tasks: missing",
        "{'version':1,'tasks':{}}| jobspec: tasks: must be an array of exactly one task",
        "{'version':1,'tasks':[{'count':{'total':1}}]}"
            + "| jobspec: tasks[0].command: must be a non-empty array of strings",
        "{'version':1,'tasks':[{'command':[],'count':{'total':1}}]}"
            + "| jobspec: tasks[0].command: must be a non-empty array of strings",
        "{'version':1,'tasks':[{'command':['a',1],'count':{'total':1}}]}"
            + "| jobspec: tasks[0].command: must be a non-empty array of strings, got 1",
    })
    void badTasksNameTheField(String text, String message) {
        assertRejected(text, message);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "SLOT| 'slot':'task'| jobspec: tasks[0].count: must be an object with per_slot or total",
        "SLOT| 'slot':'task','count':{'total':0}| jobspec: tasks[0].count.total: must be a positive integer",
        "{'type':'slot','count':-1,'label':'task'}| TASK| jobspec: resources[0].count: must be a positive integer",
        "{'type':'core','count':1}| TASK| jobspec: resources[0].type: must be \"slot\" or \"node\"",
        "{'type':'node','count':2,'with':[{'type':'slot','count':1,'label':'task'}]}| 'slot':'task','count':{'total':1}"
            + "| jobspec: tasks[0].count: 1 task(s) cannot fill 2 nodes",
    })
    void badResourcesAndCountsNameTheField(String slot, String task, String message) {
        assertRejected(spec(slot.replace("SLOT", SLOT), task.replace("TASK", TASK)), message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{'environment':{'X':1}}| jobspec: attributes.system.environment.X: must be a string",
        "{'cwd':7}| jobspec: attributes.system.cwd: must be a string",
        "{'shell':{'options':[]}}| jobspec: attributes.system.shell.options: must be an object",
        "{'duration':-1}| jobspec: attributes.system.duration: must be a number of seconds >= 0",
        "[]| jobspec: attributes.system: must be an object",
    })
    void badSystemAttributesNameTheField(String system, String message) {
        assertRejected(spec(SLOT, TASK).replace("'system':{}", "'system':" + system), message);
    }

    private static void assertRejected(String text, String message) {
        ShellException e = assertThrows(ShellException.class, () -> Jobspec.parse(json(text)));
        assertEquals(message, e.getMessage());
    }
}
