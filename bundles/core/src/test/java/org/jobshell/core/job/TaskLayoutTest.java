package org.jobshell.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jobshell.api.Idset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default block task map (RFC 34 normal form). */
class TaskLayoutTest {

    @ParameterizedTest(name = "{0} tasks on {1} shells")
    @CsvSource(delimiter = '|', value = {
        "1|1|[[0,1,1,1]]|0",
        "4|1|[[0,1,4,1]]|0-3",
        "16|4|[[0,4,4,1]]|0-3",
        "3|2|[[0,1,2,1],[1,1,1,1]]|0-1",
        "7|3|[[0,1,3,1],[1,2,2,1]]|0-2",
    })
    void blockMap(int tasks, int shells, String map, String shell0Tasks) {
        TaskLayout l = new TaskLayout(tasks, shells);
        assertEquals("{\"version\":1,\"map\":" + map + "}", l.taskmap().toString());
        assertEquals(shell0Tasks, Idset.encode(l.taskIds(0)));
        int sum = 0;
        for (int r = 0; r < shells; r++) {
            sum += l.count(r);
        }
        assertEquals(tasks, sum);
    }
}
