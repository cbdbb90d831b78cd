package org.jobshell.plugin.pmisimple;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jobshell.api.TaskMap;
import org.junit.jupiter.api.Test;

class ProcessMappingTest {

    @Test
    void blocksBecomeVectorEntriesOnePerRepeat() {
        assertEquals("(vector,(0,2,2))", ProcessMapping.of(TaskMap.block(new int[] {2, 2})));
        assertEquals("(vector,(0,2,1),(0,2,1))", ProcessMapping.of(TaskMap.ofNodes(new int[] {0, 1, 0, 1})));
        assertEquals("(vector,(0,2,2),(2,1,1))", ProcessMapping.of(TaskMap.block(new int[] {2, 2, 1})));
        assertEquals("", ProcessMapping.of(TaskMap.unknown()));
    }
}
