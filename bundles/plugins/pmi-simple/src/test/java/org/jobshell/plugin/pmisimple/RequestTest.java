package org.jobshell.plugin.pmisimple;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestTest {

    @Test
    void wordsAreKeyValuePairsAndAValueTakesTheRestOfTheLine() {
        Request r = Request.parse("cmd=put  kvsname=k key=a value=x y=z");
        assertEquals("put", r.command());
        assertEquals(Map.of("kvsname", "k", "key", "a", "value", "x y=z"), r.attributes());
    }
}
