package org.jobshell.core.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

    /** Property: the var directory (jobs live in var/jobs). */
    static final String VAR_DIR = "var.dir";
    /** Property: warn when a plugin callback runs longer than this many ms (0: never). */
    static final String WATCHDOG_WARN = "watchdog.warn.ms";
    /** Property: fail the job when a plugin callback runs longer than this many ms (0: never). */
    static final String WATCHDOG_FAIL = "watchdog.fail.ms";

    private static final long DEFAULT_WARN_MS = 10_000;
    private static final long DEFAULT_FAIL_MS = 300_000;

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
    private volatile String configProblem;

    @Activate
    void activate(BundleContext context, Map<String, Object> config) {
        ids = new JobIds(ProcessHandle.current().pid());
        launcher = new ProcessBuilderLauncher();
        watchdog = new Watchdog(100, DEFAULT_WARN_MS, DEFAULT_FAIL_MS);
        hostname = HostFacts.hostname();
        uid = HostFacts.uid();
        modified(context, config);
    }

    /**
     * Applies the configuration. Each setting comes from ConfigAdmin (PID {@value #PID}), else from
     * the framework property {@code jobshell.<name>} (etc/jobshell.properties), else its default.
     */
    @Modified
    void modified(BundleContext context, Map<String, Object> config) {
        Settings settings = new Settings(context, config);
        String var = settings.get(VAR_DIR, "");
        varDir = var.isEmpty() ? defaultVarDir() : Path.of(var);
        try {
            watchdog.limits(settings.millis(WATCHDOG_WARN, DEFAULT_WARN_MS),
                    settings.millis(WATCHDOG_FAIL, DEFAULT_FAIL_MS));
            configProblem = null;
        } catch (ShellException e) {
            // keep serving (jobshell plugins works) but refuse jobs until the setting is fixed
            configProblem = e.getMessage();
        }
    }

    @Deactivate
    void deactivate() {
        for (JobRun job : running) {
            job.kill(Signals.KILL);
        }
        launcher.close();
        watchdog.close();
    }

    private static Path defaultVarDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "jobshell-" + System.getProperty("user.name"), "var");
    }

    @Override
    public Job submit(JobRequest request) {
        String problem = configProblem;
        if (problem != null) {
            throw new ShellException("bad setting: " + problem);
        }
        Jobspec jobspec = Jobspec.parse(request.jobspec());
        Path cwd = jobspec.cwd() == null ? Path.of(System.getProperty("user.dir")) : Path.of(jobspec.cwd());
        Resources r = Resources.local(jobspec, hostname, CpuSets.allowed());
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
