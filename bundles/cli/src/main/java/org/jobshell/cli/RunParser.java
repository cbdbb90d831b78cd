package org.jobshell.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jobshell.api.Fsd;
import org.jobshell.api.Idset;

/** Parses {@code jobshell run} arguments; every mistake is a {@link UsageException} naming it. */
final class RunParser {

    private final ObjectMapper mapper;
    private boolean helpOptions;

    RunParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param args the arguments after {@code run}
     * @return the request, or null when help was asked for ({@link #helpOptions()} says which)
     */
    RunRequest parse(List<String> args) {
        ArgReader r = new ArgReader(new ArrayList<>(args));
        Integer ntasks = null;
        Integer nodes = null;
        Integer cores = null;
        ObjectNode options = mapper.createObjectNode();
        List<String> env = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Path cwd = null;
        Path jobspec = null;
        Double timeLimit = null;
        int verbose = 0;
        boolean labelIo = false;
        String opt;
        while ((opt = r.nextOption()) != null) {
            switch (opt) {
                case "-n":
                case "--ntasks":
                    ntasks = positive(opt, r.value());
                    break;
                case "-N":
                case "--nodes":
                    nodes = positive(opt, r.value());
                    break;
                case "-c":
                case "--cores-per-task":
                    cores = positive(opt, r.value());
                    break;
                case "-t":
                case "--time-limit":
                    timeLimit = timeLimit(opt, r.value());
                    break;
                case "-o":
                case "--setopt":
                    OptionValues.apply(options, r.value(), mapper);
                    break;
                case "--output":
                    OptionValues.setText(options, "output.stdout.path", r.value(), opt);
                    break;
                case "--error":
                    OptionValues.setText(options, "output.stderr.path", r.value(), opt);
                    break;
                case "--input":
                    input(options, r.value());
                    break;
                case "--taskmap":
                    taskmap(options, r.value());
                    break;
                case "--label-io":
                    r.noValue();
                    labelIo = true;
                    break;
                case "--env":
                    env.add(r.value());
                    break;
                case "--add-file":
                    files.add(r.value());
                    break;
                case "--env-remove":
                    env.add("-" + r.value());
                    break;
                case "--cwd":
                    cwd = Path.of(r.value());
                    break;
                case "--jobspec":
                    jobspec = Path.of(r.value());
                    break;
                case "-v":
                case "--verbose":
                    r.noValue();
                    verbose++;
                    break;
                case "-h":
                case "--help":
                    return null;
                case "--help-options":
                    helpOptions = true;
                    return null;
                default:
                    throw new UsageException("run: unknown option '" + opt + "' (see jobshell run --help)");
            }
        }
        if (labelIo) {
            OptionValues.apply(options, "output.stdout.label=true", mapper);
            OptionValues.apply(options, "output.stderr.label=true", mapper);
        }
        if (verbose > 0) {
            options.set("verbose", IntNode.valueOf(Math.min(verbose, 2)));
        }
        List<String> command = List.copyOf(r.rest());
        check(ntasks, nodes, cores, jobspec, command);
        if (jobspec != null && timeLimit != null) {
            throw new UsageException("run: --jobspec and -t cannot be given together: the jobspec says "
                    + "(attributes.system.duration)");
        }
        return new RunRequest(ntasks, nodes, cores == null ? 1 : cores, timeLimit == null ? 0 : timeLimit, options,
                env, files, cwd, jobspec, verbose, command);
    }

    private static void check(Integer ntasks, Integer nodes, Integer cores, Path jobspec, List<String> command) {
        if (jobspec != null) {
            if (!command.isEmpty()) {
                throw new UsageException("run: --jobspec and a command cannot be given together");
            }
            if (ntasks != null || nodes != null || cores != null) {
                throw new UsageException("run: --jobspec and -n/-N/-c cannot be given together: the jobspec says");
            }
            return;
        }
        if (command.isEmpty()) {
            throw new UsageException("run: no command given (see jobshell run --help)");
        }
        if (command.get(0).isEmpty()) {
            throw new UsageException("run: the command is an empty word ('')");
        }
        if (ntasks != null && nodes != null && nodes > ntasks) {
            throw new UsageException("run: -N " + nodes + " needs at least as many tasks, but -n is " + ntasks);
        }
    }

    /** {@code -t}: a Flux Standard Duration, minutes without a unit (as {@code flux run -t}); more than 0. */
    private static double timeLimit(String opt, String value) {
        double seconds;
        try {
            seconds = Fsd.seconds(value, 60);
        } catch (IllegalArgumentException e) {
            throw new UsageException("run: " + opt + " " + value + ": " + e.getMessage() + " (a bare number is minutes)");
        }
        if (seconds <= 0) {
            throw new UsageException("run: " + opt + " " + value + ": the time limit must be more than 0");
        }
        return seconds;
    }

    /** @return whether the last {@link #parse} met {@code --help-options} */
    boolean helpOptions() {
        return helpOptions;
    }

    /**
     * {@code --input=RANKS|FILE}, as {@code flux run}: {@code all} or an idset of task ranks gets the
     * job's input; anything else is a file every task reads.
     */
    private static void input(ObjectNode options, String value) {
        boolean ranks = value.equals("all");
        if (!ranks && value.matches("[0-9,\\-\\[\\]]+")) {
            try {
                Idset.decode(value);
                ranks = true;
            } catch (IllegalArgumentException e) {
                throw new UsageException("--input=" + value + ": " + e.getMessage());
            }
        }
        if (ranks) {
            OptionValues.setText(options, "input.stdin.ranks", value, "--input");
        } else {
            OptionValues.setText(options, "input.stdin.type", "file", "--input");
            OptionValues.setText(options, "input.stdin.path", value, "--input");
        }
    }

    /** {@code --taskmap=SCHEME[:VALUE]}: option {@code taskmap} = {@code {scheme, value}}. */
    private static void taskmap(ObjectNode options, String value) {
        int colon = value.indexOf(':');
        String scheme = colon < 0 ? value : value.substring(0, colon);
        if (scheme.isEmpty()) {
            throw new UsageException("--taskmap=" + value + ": no scheme (--taskmap=SCHEME[:VALUE], e.g. cyclic:2)");
        }
        ObjectNode taskmap = options.putObject("taskmap");
        taskmap.put("scheme", scheme);
        if (colon >= 0) {
            taskmap.put("value", value.substring(colon + 1));
        }
    }

    private static int positive(String opt, String value) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(opt + ": must be a positive integer, got '" + value + "'");
    }
}
