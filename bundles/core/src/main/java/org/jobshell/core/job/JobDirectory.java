package org.jobshell.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jobshell.api.IoErrors;
import org.jobshell.api.ShellException;
import org.jobshell.core.util.JobIds;

/**
 * {@code var/jobs/<id>/}: the job's jobspec.json, R.json, exec.eventlog and output.eventlog. The
 * output eventlog starts with its header, as in the reference, whose {@code options} are the job's
 * shell options as submitted. The directory is 0700 and its files 0600 whatever the umask: the
 * jobspec holds the submitter's whole environment.
 */
final class JobDirectory implements AutoCloseable {

    private final long jobId;
    private final String id;
    private final Path path;
    private final EventlogFile exec;
    private final EventlogFile output;

    private JobDirectory(long jobId, Path path, EventlogFile exec, EventlogFile output) {
        this.jobId = jobId;
        this.id = JobIds.toText(jobId);
        this.path = path;
        this.exec = exec;
        this.output = output;
    }

    /**
     * Creates a new job directory, taking the next free id.
     *
     * @param jobsDir {@code var/jobs}
     * @param ids the id generator
     * @param jobspec the jobspec to store (validated: its shell options go into the output header)
     * @param resources R to store
     * @param ntasks the number of tasks (for the output header)
     * @param mapper the JSON mapper
     * @return the directory
     * @throws ShellException when it cannot be created
     */
    static JobDirectory create(Path jobsDir, JobIds ids, JsonNode jobspec, ObjectNode resources, int ntasks,
            ObjectMapper mapper) {
        try {
            Files.createDirectories(jobsDir);
            while (true) {
                long jobId = ids.next();
                Path dir = jobsDir.resolve(JobIds.toText(jobId));
                try {
                    PrivateFiles.directory(dir);
                } catch (FileAlreadyExistsException e) {
                    continue;
                }
                ObjectWriter json = mapper.writerWithDefaultPrettyPrinter();
                json.writeValue(PrivateFiles.file(dir.resolve("jobspec.json")).toFile(), jobspec);
                json.writeValue(PrivateFiles.file(dir.resolve("R.json")).toFile(), resources);
                EventlogFile output = new EventlogFile(PrivateFiles.file(dir.resolve("output.eventlog")), mapper);
                output.append("header", header(mapper, jobspec, ntasks));
                if (output.failed()) {
                    throw new IOException("cannot write the header of " + output.path() + " (is the disk full?)");
                }
                EventlogFile exec = new EventlogFile(PrivateFiles.file(dir.resolve("exec.eventlog")), mapper);
                return new JobDirectory(jobId, dir, exec, output);
            }
        } catch (IOException | RuntimeException e) {
            throw new ShellException("cannot create the job directory in " + jobsDir + ": " + IoErrors.reason(e), e);
        }
    }

    private static ObjectNode header(ObjectMapper mapper, JsonNode jobspec, int ntasks) {
        ObjectNode h = mapper.createObjectNode();
        h.put("version", 1);
        ObjectNode enc = h.putObject("encoding");
        enc.put("stdout", "UTF-8");
        enc.put("stderr", "UTF-8");
        ObjectNode count = h.putObject("count");
        count.put("stdout", ntasks);
        count.put("stderr", ntasks);
        h.set("options", Jobspec.shellOptions(jobspec));
        return h;
    }

    long jobId() {
        return jobId;
    }

    String id() {
        return id;
    }

    Path path() {
        return path;
    }

    EventlogFile exec() {
        return exec;
    }

    EventlogFile output() {
        return output;
    }

    @Override
    public void close() {
        exec.close();
        output.close();
    }
}
