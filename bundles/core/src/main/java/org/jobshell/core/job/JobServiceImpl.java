package org.jobshell.core.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jobshell.api.ShellException;
import org.jobshell.api.admin.Job;
import org.jobshell.api.admin.JobRequest;
import org.jobshell.api.admin.JobService;
import org.jobshell.core.launch.ProcessBuilderLauncher;
import org.jobshell.core.launch.Signals;
import org.jobshell.core.launch.TaskLauncher;
import org.jobshell.core.stack.PluginRegistry;
import org.jobshell.core.stack.Watchdog;
import org.jobshell.core.util.CpuSets;
import org.jobshell.core.util.JobIds;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

/**
 * Runs jobs: validates the jobspec, derives R from this host, creates the job directory and
 * starts the shells, each with the plugin snapshot of the moment. Configured by PID
 * {@code org.jobshell.core}.
 */
@Component(service = JobService.class, configurationPid = JobServiceImpl.PID)
public final class JobServiceImpl implements JobService {

    /** The configuration PID of the core. */
    public static final String PID = "org.jobshell.core";

    /** Configuration of the core (PID {@code org.jobshell.core}). */
    public @interface Config {
        /** @return the var directory (jobs live in var/jobs); empty for framework property jobshell.var */
        String var_dir() default "";

        /** @return warn when a plugin callback runs longer than this (0: never) */
        long watchdog_warn_ms() default 10_000;

        /** @return fail the job when a plugin callback runs longer than this (0: never) */
        long watchdog_fail_ms() default 300_000;
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final Set<JobRun> running = ConcurrentHashMap.newKeySet();

    @Reference
    private PluginRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    private Path varDir;
    private JobIds ids;
    private TaskLauncher launcher;
    private Watchdog watchdog;
    private String hostname;
    private long uid;

    @Activate
    void activate(BundleContext context, Config config) {
        varDir = varDir(context, config);
        ids = new JobIds(ProcessHandle.current().pid());
        launcher = new ProcessBuilderLauncher();
        watchdog = new Watchdog(100, config.watchdog_warn_ms(), config.watchdog_fail_ms());
        hostname = HostFacts.hostname();
        uid = HostFacts.uid();
    }

    @Modified
    void modified(BundleContext context, Config config) {
        varDir = varDir(context, config);
        watchdog.limits(config.watchdog_warn_ms(), config.watchdog_fail_ms());
    }

    @Deactivate
    void deactivate() {
        for (JobRun job : running) {
            job.kill(Signals.KILL);
        }
        launcher.close();
        watchdog.close();
    }

    private static Path varDir(BundleContext context, Config config) {
        String dir = config.var_dir();
        if (dir.isEmpty()) {
            dir = context.getProperty("jobshell.var");
        }
        if (dir == null || dir.isEmpty()) {
            dir = Path.of(System.getProperty("java.io.tmpdir"), "jobshell-" + System.getProperty("user.name"), "var")
                    .toString();
        }
        return Path.of(dir);
    }

    @Override
    public Job submit(JobRequest request) {
        Jobspec jobspec = Jobspec.parse(request.jobspec());
        Path cwd = jobspec.cwd() == null ? Path.of(System.getProperty("user.dir")) : Path.of(jobspec.cwd());
        Resources r = Resources.local(jobspec.nnodes(), hostname, CpuSets.allowed(), jobspec.duration());
        JobDirectory dir = JobDirectory.create(varDir.resolve("jobs"), ids, jobspec.json(), r.toJson(),
                jobspec.totalTasks(), mapper);
        JobRun.Container container = new JobRun.Container(launcher, watchdog, new EventBridge(eventAdmin), hostname,
                uid);
        JobRun job = new JobRun(dir.jobId(), jobspec, r, dir, new JobTerminal(request.stdout(), request.stderr()),
                registry.snapshot(), container, cwd);
        running.add(job);
        job.exitCode().whenComplete((code, error) -> running.remove(job));
        job.start();
        return job;
    }

    @Override
    public void validate(ObjectNode jobspec) {
        Jobspec.parse(jobspec);
    }

    /** Facts about this host, read cheaply from /proc (no DNS). */
    static final class HostFacts {
        private HostFacts() {
        }

        static String hostname() {
            try {
                return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            } catch (IOException e) {
                String h = System.getenv("HOSTNAME");
                return h == null ? "localhost" : h;
            }
        }

        static long uid() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("Uid:")) {
                        return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw new ShellException("cannot read this process's uid from /proc/self/status: " + e.getMessage());
            }
            throw new ShellException("no Uid line in /proc/self/status");
        }
    }
}
