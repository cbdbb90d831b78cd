package org.jobshell.cli;

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
            "  plugins [--json]              list the plugins a job would get, active and shadowed",
            "  help [COMMAND]                show help",
            "",
            "options:",
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
            "  -o, --setopt=KEY[=VAL]  set shell option KEY (repeatable); KEY may be dotted (output.stdout.label),",
            "                          VAL is JSON when it parses, else a string; no VAL means 1.",
            "                          e.g. -o cpu-affinity=per-task, -o verbose=1, -o output.limit=10M",
            "  --label-io              prefix each output line with its task rank: '<rank>: line'",
            "  --output=TEMPLATE       write stdout (and stderr, unless --error) to files instead of the terminal;",
            "                          a mustache template rendered per task: out.{{id}}.{{taskid}}",
            "  --error=TEMPLATE        write stderr to files instead of the terminal",
            "  --taskmap=SCHEME[:VAL]  which shell runs which tasks: block (default), cyclic[:N], manual:MAP,",
            "                          hostfile:FILE, or a scheme a plugin offers (option taskmap)",
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
            "version, and the topics it handles. Bundles in plugins/ are included.",
            "",
            "  --json    print the list as JSON",
            "");

    private Help() {
    }
}
