package org.jobshell.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jobshell.api.admin.Job;
import org.jobshell.launch.Caller;

/**
 * Finds a job by its id for a caller: one this container runs or ran, else its directory in
 * {@code var/jobs}. In the daemon, only the job's owner gets it; one-shot, the files' permissions
 * decide.
 */
final class JobLocator {

    private static final Pattern ID = Pattern.compile("f[1-9A-HJ-NP-Za-km-z]+");

    private final CliServices services;
    private final Caller caller;

    JobLocator(CliServices services, Caller caller) {
        this.services = services;
        this.caller = caller;
    }

    /**
     * @param id a job id as the user typed it
     * @return the job, when this container runs it or ran it recently
     */
    Optional<Job> live(String id) {
        Optional<Job> job = services.jobs().job(checked(id));
        job.ifPresent(j -> checkOwner(id, j.owner()));
        return job;
    }

    /**
     * @param id a job id as the user typed it
     * @return the job's directory
     * @throws UsageException when there is no such job, or it is someone else's
     */
    Path directory(String id) {
        Optional<Job> job = live(id);
        if (job.isPresent()) {
            return job.get().directory();
        }
        Path dir = services.jobsDir().resolve(checked(id));
        if (!Files.isDirectory(dir)) {
            throw new UsageException("no job " + id + " (not in " + services.jobsDir() + ")");
        }
        try {
            checkOwner(id, Files.getOwner(dir).getName());
        } catch (IOException e) {
            throw new UsageException("job " + id + ": cannot read " + dir + ": " + e.getMessage());
        }
        return dir;
    }

    private static String checked(String id) {
        if (!ID.matcher(id).matches()) {
            throw new UsageException("bad job id '" + id + "': job ids look like f2dJbKpaE3");
        }
        return id;
    }

    private void checkOwner(String id, String owner) {
        if (caller.daemon() && !owner.equals(caller.user())) {
            throw new UsageException("job " + id + " belongs to " + owner + ", not to " + caller.user());
        }
    }
}
