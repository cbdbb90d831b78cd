package org.jobshell.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jobshell.api.IoErrors;

/**
 * The job environment from {@code --env=RULE} rules, applied in order to a copy of the submitter's
 * environment (which is exported whole by default), as {@code flux run --env} does:
 *
 * <ul>
 *   <li>{@code -PATTERN}: remove the variables matching the glob ({@code --env=-*} removes all);</li>
 *   <li>{@code VAR=VALUE}: set VAR, with {@code $NAME} and {@code ${NAME}} expanded from the job
 *       environment as the rules so far made it ({@code --env=A=1 --env='B=$A-2'} gives
 *       {@code B=1-2}; after {@code --env=-*}, {@code $HOME} is empty unless exported again);</li>
 *   <li>{@code PATTERN}: export the submitter's variables matching the glob (again);</li>
 *   <li>{@code ^FILE}: read more rules from FILE, one per line ({@code #} comments).</li>
 * </ul>
 */
final class EnvRules {

    private static final Pattern REFERENCE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)\\}|([A-Za-z_][A-Za-z0-9_]*))");
    private static final int MAX_DEPTH = 8;

    private final Map<String, String> submitter;
    private final Path cwd;

    /**
     * @param submitter the submitter's environment
     * @param cwd where relative rule files are found
     */
    EnvRules(Map<String, String> submitter, Path cwd) {
        this.submitter = submitter;
        this.cwd = cwd;
    }

    /**
     * @param rules the rules, in order
     * @return the job environment
     * @throws UsageException naming the bad rule or unreadable file
     */
    SortedMap<String, String> apply(List<String> rules) {
        SortedMap<String, String> env = new TreeMap<>(submitter);
        for (String rule : rules) {
            apply(env, rule, 0);
        }
        return env;
    }

    private void apply(SortedMap<String, String> env, String rule, int depth) {
        if (rule.isEmpty()) {
            throw new UsageException("--env: empty rule");
        }
        if (rule.startsWith("^")) {
            readFile(env, rule.substring(1), depth);
        } else if (rule.startsWith("-")) {
            Pattern p = glob(rule.substring(1));
            env.keySet().removeIf(k -> p.matcher(k).matches());
        } else if (rule.indexOf('=') > 0) {
            int eq = rule.indexOf('=');
            env.put(rule.substring(0, eq), expand(rule.substring(eq + 1), env));
        } else if (rule.startsWith("=")) {
            throw new UsageException("--env=" + rule + ": missing variable name");
        } else {
            Pattern p = glob(rule);
            submitter.forEach((k, v) -> {
                if (p.matcher(k).matches()) {
                    env.put(k, v);
                }
            });
        }
    }

    private void readFile(SortedMap<String, String> env, String file, int depth) {
        if (depth >= MAX_DEPTH) {
            throw new UsageException("--env=^" + file + ": rule files nested more than " + MAX_DEPTH + " deep");
        }
        Path path = cwd.resolve(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new UsageException("--env=^" + file + ": cannot read " + path + ": " + IoErrors.reason(e));
        }
        for (String line : lines) {
            String l = line.trim();
            if (!l.isEmpty() && !l.startsWith("#")) {
                apply(env, l, depth + 1);
            }
        }
    }

    private static String expand(String value, Map<String, String> env) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(b, Matcher.quoteReplacement(env.getOrDefault(name, "")));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** A shell glob ({@code *}, {@code ?}, {@code [...]}) over a variable name. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*':
                    re.append(".*");
                    break;
                case '?':
                    re.append('.');
                    break;
                case '[': {
                    int close = glob.indexOf(']', i + 1);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, close);
                        re.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                        i = close;
                    }
                    break;
                }
                default:
                    re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
