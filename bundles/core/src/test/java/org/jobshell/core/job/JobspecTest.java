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

    @Test
    void aTotalTaskCountAndNoResourcesIsOneNode() throws Exception {
        Jobspec j = Jobspec.parse(json("{'tasks':[{'command':['true'],'count':{'total':5}}]}"));
        assertEquals(5, j.totalTasks());
        assertEquals(1, j.nnodes());
        assertEquals(5, j.tasksPerSlot(), "all in the one default slot");
        assertEquals(1, j.coresFor(5));
    }

    @Test
    void tasksPerSlotSpreadATotalOverEverySlot() throws Exception {
        Jobspec j = Jobspec.parse(json("{'resources':[{'type':'node','count':2,'with':[{'type':'slot','count':2,"
                + "'with':[{'type':'core','count':4}]}]}],'tasks':[{'command':['a'],'count':{'total':9}}]}"));
        assertEquals(3, j.tasksPerSlot(), "9 tasks over 4 slots");
        assertEquals(8, j.coresFor(5), "5 tasks fill 2 slots");
        Jobspec perSlot = Jobspec.parse(json("{'resources':[{'type':'slot','count':3,'with':[{'type':'core',"
                + "'count':2}]}],'tasks':[{'command':['a'],'count':{'per_slot':2}}]}"));
        assertEquals(6, perSlot.totalTasks());
        assertEquals(2, perSlot.tasksPerSlot());
        assertEquals(6, perSlot.coresFor(6));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "[1,2]| jobspec: must be a JSON object",
        "{'version':2,'tasks':[]}| jobspec: version: must be 1, got 2",
        "{'version':1}| jobspec: tasks: missing",
        "{'tasks':{}}| jobspec: tasks: must be an array of exactly one task",
        "{'tasks':[{'count':{'total':1}}]}| jobspec: tasks[0].command: must be a non-empty array of strings",
        "{'tasks':[{'command':[],'count':{'total':1}}]}| jobspec: tasks[0].command: must be a non-empty array of strings",
        "{'tasks':[{'command':['a',1],'count':{'total':1}}]}| jobspec: tasks[0].command: must be a non-empty array of strings, got 1",
        "{'tasks':[{'command':['a']}]}| jobspec: tasks[0].count: must be an object with per_slot or total",
        "{'tasks':[{'command':['a'],'count':{'total':0}}]}| jobspec: tasks[0].count.total: must be a positive integer",
        "{'tasks':[{'command':['a'],'count':{'per_slot':1}}],'resources':[{'type':'slot','count':-1}]}| jobspec: resources[0].count: must be a positive integer",
        "{'tasks':[{'command':['a'],'count':{'per_slot':1}}],'resources':[{'type':'core','count':1}]}| jobspec: resources[0].type: must be \"slot\" or \"node\"",
        "{'tasks':[{'command':['a'],'count':{'total':1}}],'resources':[{'type':'node','count':2,'with':[{'type':'slot','count':1}]}]}| jobspec: tasks[0].count: 1 task(s) cannot fill 2 nodes",
        "{'tasks':[{'command':['a'],'count':{'total':1}}],'attributes':{'system':{'environment':{'X':1}}}}| jobspec: attributes.system.environment.X: must be a string",
        "{'tasks':[{'command':['a'],'count':{'total':1}}],'attributes':{'system':{'cwd':7}}}| jobspec: attributes.system.cwd: must be a string",
        "{'tasks':[{'command':['a'],'count':{'total':1}}],'attributes':{'system':{'shell':{'options':[]}}}}| jobspec: attributes.system.shell.options: must be an object",
        "{'tasks':[{'command':['a'],'count':{'total':1}}],'attributes':{'system':{'duration':-1}}}| jobspec: attributes.system.duration: must be a number of seconds >= 0",
    })
    void badJobspecsNameTheField(String text, String message) {
        ShellException e = assertThrows(ShellException.class, () -> Jobspec.parse(json(text)));
        assertEquals(message, e.getMessage());
    }
}
