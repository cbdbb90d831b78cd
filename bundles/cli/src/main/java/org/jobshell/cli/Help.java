package org.jobshell.cli;

import java.util.List;

/** The help texts. */
final class Help {

    static final String MAIN = String.join("\n",
            "usage: jobshell COMMAND [ARGS...]",
            "",
            "Runs the tasks of a parallel job and supervises them; every behaviour around the tasks is a plugin",
            "bundle (see 'jobshell plugins').",
            "",
            "commands:",
            "  run [OPTIONS] CMD [ARGS...]   run a job and exit with its exit code",
            "  submit [OPTIONS] CMD [ARGS...] start a job in the daemon and print its id",
            "  attach ID                     show a job's output as it is written, exit with its exit code",
            "  jobs [--json]                 list the daemon's jobs",
            "  kill [-s SIG] ID              send a signal to a job's tasks (default: SIGTERM)",
            "  eventlog ID [exec|output]     print a job's eventlog (default: exec)",
            "  call [--rank N] ID METHOD [JSON]  call a service method of a running job's plugins",
            "  plugins [--json]              list the plugins a job would get: active, shadowed, disabled, failed",
            "  disable NAME, enable NAME     switch a plugin off or on again for the next jobs (daemon, kept)",
            "  daemon [--detach]             run the long-lived container (hot deploy, sockets, console)",
            "  console [-c CMD]              the daemon's Gogo console, or one command of it",
            "  events                        stream the daemon's events as JSON lines",
            "  help [COMMAND]                show help",
            "",
            "options:",
            "  --local                       run the command in a one-shot container even when a daemon answers",
            "  -h, --help                    show this help",
            "  --version                     show the version",
            "",
            "Run 'jobshell run --help' for the options of a job.",
            "");

    static final String RUN = String.join("\n",
            "usage: jobshell run [OPTIONS] CMD [ARGS...]",
            "       jobshell run [OPTIONS] --jobspec FILE",
            "",
            "Runs CMD as the tasks of one job and exits with the job's exit code: the largest task exit code",
            "(128+N for a task killed by signal N), 127 when CMD is not found, 126 when it cannot be executed,",
            "1 when a plugin fails the job; 141 when the reader of the job's output goes away (the job ends,",
            "as in a pipeline), 1 when the output cannot be written.",
            "",
            "options:",
            "  -n, --ntasks=N          number of tasks (default: 1, or one per node with -N)",
            "  -N, --nodes=M           number of shells the tasks are spread over (default: 1)",
            "  -c, --cores-per-task=C  cores of each task (default: 1): the job holds tasks x C cores per shell",
            "  -t, --time-limit=FSD    end the job after this long: 30s, 10m, 1.5h, 2d (minutes without a unit);",
            "                          its tasks get SIGTERM, then SIGKILL, and jobshell exits 142",
            "  -o, --setopt=KEY[=VAL]  set shell option KEY (repeatable); KEY may be dotted (output.stdout.label),",
            "                          VAL is JSON when it parses, else a string; no VAL means 1.",
            "                          e.g. -o cpu-affinity=per-task, -o verbose=1, -o output.limit=10M",
            "  --label-io              prefix each output line with its task rank: '<rank>: line'",
            "  --output=TEMPLATE       write stdout (and stderr, unless --error) to files instead of the terminal;",
            "                          a mustache template rendered per task: out.{{id}}.{{taskid}}",
            "  --error=TEMPLATE        write stderr to files instead of the terminal",
            "  --input=RANKS|FILE      stdin of jobshell run goes to every task (default), or to the task ranks",
            "                          RANKS (an idset: 0, 0-3,7); or every task reads FILE",
            "  --taskmap=SCHEME[:VAL]  which shell runs which tasks: block (default), cyclic[:N], manual:MAP,",
            "                          hostfile:FILE, or a scheme a plugin offers (option taskmap)",
            "  --add-file=[NAME=]FILE  a file every shell finds in $JOBSHELL_JOB_TMPDIR/NAME (repeatable; default",
            "                          NAME: FILE's name; NAME=TEXT with a newline in TEXT adds TEXT itself)",
            "  --env=RULE              job environment rule (repeatable); the whole environment is exported,",
            "                          then: VAR=VAL sets ($VAR expanded from the rules so far), -GLOB removes,",
            "                          GLOB exports again,",
            "                          ^FILE reads rules from FILE",
            "  --env-remove=GLOB       same as --env=-GLOB",
            "  --cwd=DIR               working directory of the tasks (default: the current one)",
            "  --jobspec=FILE          run this Flux-compatible version 1 jobspec (JSON) instead of CMD",
            "  -v, --verbose           show the job id and more shell messages (repeat for more)",
            "  -h, --help              show this help",
            "  --help-options          list the shell options (-o) the plugins of a job read",
            "",
            "Ctrl-C passes SIGINT to the tasks; a second Ctrl-C within 2 seconds kills them. SIGUSR1, SIGUSR2,",
            "SIGCONT, SIGWINCH and SIGALRM sent to jobshell run reach every task, and the job goes on.",
            "");

    static final String PLUGINS = String.join("\n",
            "usage: jobshell plugins [--json]",
            "",
            "Lists every plugin service in load order (ascending service.ranking): its name, ranking, whether",
            "the next job gets it (active) or a later plugin of the same name shadows it, its bundle and",
            "version, and the topics it handles. Bundles in plugins/ are included; in the daemon, a jar of",
            "plugins/ that could not be put in use is listed as failed, with the reason.",
            "",
            "  --json    print the list as JSON",
            "");

    static final String SUBMIT = String.join("\n",
            "usage: jobshell submit [RUN OPTIONS] CMD [ARGS...]",
            "",
            "Starts a job in the daemon, as 'jobshell run' would, prints its id and returns at once. Its",
            "output is kept in var/jobs/ID/output.eventlog: 'jobshell attach ID' shows it.",
            "");

    static final String ATTACH = String.join("\n",
            "usage: jobshell attach ID",
            "",
            "Shows the output of job ID as it is written (from the start), and exits with the job's exit",
            "code once it ended, as 'jobshell run' would have. A job that ended is replayed from its",
            "output eventlog. Ctrl-C stops attaching; the job goes on.",
            "");

    static final String JOBS = String.join("\n",
            "usage: jobshell jobs [--json]",
            "",
            "Lists the jobs of the daemon (the running ones and the latest 1000 that finished): id, owner,",
            "state, number of tasks, command, start and exit code.",
            "");

    static final String KILL = String.join("\n",
            "usage: jobshell kill [-s SIGNAL] ID",
            "",
            "Sends SIGNAL (a name such as TERM or SIGUSR1, or a number; default TERM) to every running task",
            "of job ID. Only the job's owner may.",
            "");

    static final String SWITCH = String.join("\n",
            "usage: jobshell disable NAME",
            "       jobshell enable NAME",
            "",
            "Switches the plugin NAME off (or on again) for the daemon's next jobs and its container-level",
            "topics; running jobs keep their plugins. Kept in etc/org.jobshell.plugins.cfg across restarts;",
            "'jobshell plugins' shows it as disabled. One job leaves plugins out with -o plugins=-NAME.",
            "");

    static final String EVENTLOG = String.join("\n",
            "usage: jobshell eventlog ID [exec|output]",
            "",
            "Prints the exec (default) or output eventlog of job ID, one JSON object per line, from",
            "var/jobs/ID/.",
            "");

    /**
     * @param rest the arguments after the command
     * @return whether they ask for help only
     */
    static boolean asked(List<String> rest) {
        return rest.size() == 1 && (rest.get(0).equals("-h") || rest.get(0).equals("--help"));
    }

    /**
     * @param command a command name
     * @return its help
     */
    static String of(String command) {
        switch (command) {
            case "run":
                return RUN;
            case "plugins":
                return PLUGINS;
            case "submit":
                return SUBMIT;
            case "attach":
                return ATTACH;
            case "jobs":
                return JOBS;
            case "kill":
                return KILL;
            case "eventlog":
                return EVENTLOG;
            case "disable":
            case "enable":
                return SWITCH;
            default:
                throw new UsageException("help: unknown command '" + command + "'");
        }
    }

    private Help() {
    }
}
