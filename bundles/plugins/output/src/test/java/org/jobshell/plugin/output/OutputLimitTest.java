package org.jobshell.plugin.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jobshell.api.ShellException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** output.limit as the reference reads it: bytes or N[kKMG], 1 byte to 1G, default 1G. */
class OutputLimitTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private OutputLimit of(String outputOption) throws Exception {
        return OutputLimit.of(outputOption == null ? null : mapper.readTree(outputOption));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "none| 1073741824| 1G",
        "{}| 1073741824| 1G",
        "{'limit':5}| 5| 5",
        "{'limit':'20'}| 20| 20",
        "{'limit':'1k'}| 1024| 1k",
        "{'limit':'100K'}| 102400| 100K",
        "{'limit':'1.5M'}| 1572864| 1.5M",
        "{'limit':'1G'}| 1073741824| 1G",
        "{'limit':1073741824}| 1073741824| 1073741824",
    })
    void validLimits(String option, long bytes, String text) throws Exception {
        assertEquals(new OutputLimit(bytes, text), of(option == null ? null : option.replace('\'', '"')));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"'foo'", "0", "'0'", "-1", "'-1'", "4000000000", "'4G'", "'1T'", "1073741825", "1.5",
        "true", "'5 M'", "'M'", "{}"})
    void invalidLimitsNameTheOption(String value) {
        String json = "{\"limit\":" + value.replace('\'', '"') + "}";
        ShellException e = assertThrows(ShellException.class, () -> of(json));
        assertEquals("option output.limit: must be a size from 1 to 1G (bytes, or N[kKMG]), got "
                + value.replace('\'', '"'), e.getMessage());
    }
}
