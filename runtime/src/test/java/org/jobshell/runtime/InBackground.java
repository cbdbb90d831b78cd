package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code jobshell run app &} typed at an interactive shell ({@link Distribution#interactive}): a job in
 * the background of a terminal whose tasks print and end without reading input.
 */
final class InBackground {

    private InBackground() {
    }

    /**
     * @param run the command and its options before the job's ({@code "run"}, {@code "run --local"})
     * @param out where the job's output goes
     * @return the script: the job in the background, then its exit status printed
     */
    static String script(String run, Path out) {
        return "\"$J\" " + run + " -n 2 sh -c 'sleep 1; echo done' > " + out + " 2>&1 &\n"
                + "wait $!; echo \"status $?\"\n";
    }

    /** The job ended well (it was not stopped for input), with the output of its two tasks. */
    static void assertDone(Distribution.Run run, Path out) throws IOException {
        assertTrue(run.stdout().contains("status 0"), run.toString());
        assertEquals(List.of("done", "done"), Files.readAllLines(out));
    }
}
