package org.jobshell.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 34 task maps: the forms, the normal form and the spec's examples (§7.1, §7.3). */
class TaskMapTest {

    private static int[] cyclic(int nodes, int perNode, int stride) {
        int[] left = new int[nodes];
        Arrays.fill(left, perNode);
        int[] nodeOf = new int[nodes * perNode];
        int t = 0;
        while (t < nodeOf.length) {
            for (int n = 0; n < nodes; n++) {
                for (int k = 0; k < stride && left[n] > 0; k++, left[n]--) {
                    nodeOf[t++] = n;
                }
            }
        }
        return nodeOf;
    }

    @Test
    void theBlockMapOfFourNodes() {
        TaskMap map = TaskMap.block(new int[] {4, 4, 4, 4});
        assertEquals("{\"version\":1,\"map\":[[0,4,4,1]]}", map.encode());
        assertEquals("4-7", Idset.encode(map.taskIds(1)));
        assertEquals(4, map.nnodes());
        assertEquals(16, map.totalTasks());
    }

    @ParameterizedTest(name = "cyclic:{0}")
    @CsvSource(delimiter = '|', value = {"1|[[0,4,1,4]]|0,4,8,12", "2|[[0,4,2,2]]|0-1,8-9",
        "3|[[0,4,3,1],[0,4,1,1]]|0-2,12"})
    void cyclicMapsAreInNormalForm(int stride, String blocks, String node0) {
        TaskMap map = TaskMap.ofNodes(cyclic(4, 4, stride));
        assertEquals("{\"version\":1,\"map\":" + blocks + "}", map.encode());
        assertEquals(node0, Idset.encode(map.taskIds(0)));
    }

    @Test
    void theReverseAndHostfileExamples() {
        assertEquals("{\"version\":1,\"map\":[[3,1,4,1],[2,1,4,1],[1,1,4,1],[0,1,4,1]]}",
                TaskMap.ofNodes(new int[] {3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0}).encode());
        assertEquals("{\"version\":1,\"map\":[[1,3,1,1],[0,4,1,1],[0,1,1,1]]}",
                TaskMap.ofNodes(new int[] {1, 2, 3, 0, 1, 2, 3, 0}).encode());
        assertEquals("{\"version\":1,\"map\":[[3,1,2,1],[2,1,2,1],[1,1,2,1],[0,1,2,1]]}",
                TaskMap.ofNodes(new int[] {3, 3, 2, 2, 1, 1, 0, 0}).encode());
    }

    @Test
    void everyFormDecodesToTheSameMap() {
        TaskMap block = TaskMap.block(new int[] {4, 4, 4, 4});
        assertEquals(block, TaskMap.decode("{\"version\":1,\"map\":[[0,4,4,1]]}"));
        assertEquals(block, TaskMap.decode("[[0,2,4,1],[2,2,4,1]]"));
        assertEquals(block, TaskMap.decode("0-3;4-7;8-11;12-15"));
        assertEquals(block, TaskMap.decode("(vector,(0,4,4))"));
        assertEquals(block, TaskMap.decode("(vector,(0,1,4),(1,3,4))"));
    }

    @Test
    void aManualMapIsKeptAsGiven() {
        String given = "{\"version\":1,\"map\":[[0,1,3,1],[1,3,1,1]]}";
        TaskMap map = TaskMap.decode(given);
        assertEquals(given, map.encode());
        assertEquals("0-2", Idset.encode(map.taskIds(0)));
        assertArrayEquals(new int[] {3, 1, 1, 1}, map.tasksPerNode());
        assertEquals(1, map.nodeOf(3));
        assertEquals(-1, map.nodeOf(6));
    }

    @Test
    void anEmptyMapIsUnknown() {
        assertTrue(TaskMap.decode("[]").isUnknown());
        assertTrue(TaskMap.decode("{\"version\":1,\"map\":[]}").isUnknown());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}|task map {}: version must be 1",
        "[[0,1]]|task map block [0,1]: must be [nodeid, nnodes, ppn, repeat]",
        "[[0,0,1,1]]|task map block [0,0,1,1]: nodeid must be an integer >= 0, nnodes, ppn and repeat integers >= 1",
        "0-3;3-7|duplicate taskid specified: 3",
        "0-2;4-7|missing taskid: 3",
        "(vector,(0,x,4))|bad PMI task map '(vector,(0,x,4))': (0,x,4) is not three integers nodeid >= 0, "
            + "nnodes >= 1, ppn >= 1",
        "[[0,1,4194304,2]]|task map places more than 4194304 tasks",
    })
    void badMapsSayWhatIsWrong(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> TaskMap.decode(text)).getMessage());
    }
}
