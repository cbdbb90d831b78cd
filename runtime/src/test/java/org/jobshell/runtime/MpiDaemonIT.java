package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** An MPI program through the daemon: {@code jobshell run} submits it, the daemon's shells serve PMI. */
class MpiDaemonIT extends DaemonTestBase {

    @Test
    void mpiHelloRunsThroughTheDaemon() throws Exception {
        Path hello = MpiHello.compile(dir);
        Distribution.Run r = dist.run("run", "-n", "4", hello.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(MpiHello.output(4), MpiHello.sorted(r), r.toString());
        Distribution.Run twoShells = dist.run("run", "-N", "2", "-n", "4", hello.toString());
        assertEquals(MpiHello.output(4), MpiHello.sorted(twoShells), twoShells.toString());
    }
}
