package org.jobshell.cli;

import java.util.List;
import org.jobshell.api.admin.Job;
import org.jobshell.api.admin.JobState;

/** {@code jobshell kill [-s SIG] ID}: a signal for every running task of a job of the caller's. */
final class KillCommand {

    private final JobLocator locator;

    KillCommand(JobLocator locator) {
        this.locator = locator;
    }

    int run(List<String> args) {
        int signal = SignalNames.TERM;
        String id = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-s") || a.equals("--signal")) && i + 1 < args.size()) {
                signal = SignalNames.parse(args.get(++i));
            } else if (a.startsWith("--signal=")) {
                signal = SignalNames.parse(a.substring("--signal=".length()));
            } else if (a.startsWith("-") || id != null) {
                throw new UsageException("kill: unexpected argument '" + a + "' (see jobshell kill --help)");
            } else {
                id = a;
            }
        }
        if (id == null) {
            throw new UsageException("kill: which job? (usage: jobshell kill [-s SIGNAL] ID)");
        }
        String jobId = id;
        Job job = locator.live(jobId).orElseThrow(() -> new UsageException("kill: job " + jobId
                + " is not running in this container"));
        if (job.state() != JobState.RUNNING) {
            throw new UsageException("kill: job " + jobId + " has finished");
        }
        job.kill(signal);
        return 0;
    }
}
