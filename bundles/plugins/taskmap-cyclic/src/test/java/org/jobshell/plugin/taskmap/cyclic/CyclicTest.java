package org.jobshell.plugin.taskmap.cyclic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jobshell.api.Idset;
import org.jobshell.api.ShellException;
import org.jobshell.api.TaskMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The cyclic scheme on the spec's examples (§7.3, scenario C29). */
class CyclicTest {

    private static final TaskMap FOUR_BY_FOUR = TaskMap.block(new int[] {4, 4, 4, 4});

    @ParameterizedTest(name = "cyclic:{0}")
    @CsvSource(delimiter = '|', value = {"''|[[0,4,1,4]]|0,4,8,12", "1|[[0,4,1,4]]|0,4,8,12",
        "2|[[0,4,2,2]]|0-1,8-9", "3|[[0,4,3,1],[0,4,1,1]]|0-2,12", "4|[[0,4,4,1]]|0-3"})
    void theSpecsMaps(String value, String blocks, String node0) {
        TaskMap map = Cyclic.map(FOUR_BY_FOUR, Cyclic.stride(value));
        assertEquals("{\"version\":1,\"map\":" + blocks + "}", map.encode());
        assertEquals(node0, Idset.encode(map.taskIds(0)));
    }

    @Test
    void eachNodeKeepsItsCount() {
        TaskMap map = Cyclic.map(TaskMap.block(new int[] {4, 2, 1}), 1);
        assertEquals("0,3,5-6", Idset.encode(map.taskIds(0)));
        assertEquals("1,4", Idset.encode(map.taskIds(1)));
        assertEquals("2", Idset.encode(map.taskIds(2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "foo", "-1", "1.5"})
    void aStrideThatIsNotAPositiveIntegerIsRefused(String value) {
        assertEquals("invalid cyclic stride: " + value,
                assertThrows(ShellException.class, () -> Cyclic.stride(value)).getMessage());
    }
}
