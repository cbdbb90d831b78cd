package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The MPI hello world of the MPI tests ({@code src/test/c/mpi_hello.c}): each rank prints
 * {@code rank R of N: sum S}, S being the {@code MPI_Allreduce} sum of the ranks + 1; with the argument
 * {@code abort} the last rank calls {@code MPI_Abort(MPI_COMM_WORLD, 3)} first. The tests that need it
 * are skipped where {@code mpicc} is missing ({@code .ci/run} installs MPICH).
 */
final class MpiHello {

    private MpiHello() {
    }

    /**
     * @param dir where to put the program
     * @return the compiled program
     */
    static Path compile(Path dir) throws IOException, InterruptedException {
        assumeTrue(onPath("mpicc"), "mpicc is not installed (apt-get install mpich libmpich-dev)");
        Path program = dir.resolve("mpi_hello");
        Process cc = new ProcessBuilder("mpicc", "-o", program.toString(),
                Path.of("src/test/c/mpi_hello.c").toAbsolutePath().toString()).inheritIO().start();
        assertEquals(0, cc.waitFor(), "mpicc failed");
        return program;
    }

    /**
     * @param size the job's size
     * @return what the ranks print, sorted
     */
    static List<String> output(int size) {
        int sum = size * (size + 1) / 2;
        return IntStream.range(0, size).mapToObj(r -> "rank " + r + " of " + size + ": sum " + sum)
                .collect(Collectors.toList());
    }

    /**
     * @param run a run of the program
     * @return its output lines, sorted
     */
    static List<String> sorted(Distribution.Run run) {
        return run.stdoutLines().stream().sorted().collect(Collectors.toList());
    }

    static boolean onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }
}
