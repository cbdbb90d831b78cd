package org.jobshell.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * A parsed {@code jobshell run} command line.
 *
 * @param ntasks {@code -n}, or null when not given
 * @param nodes {@code -N}, or null when not given
 * @param coresPerTask {@code -c}
 * @param timeLimit {@code -t} in seconds, 0 for none
 * @param options the shell options from {@code -o}, {@code --label-io} and {@code -v}
 * @param envRules the {@code --env} rules, in order
 * @param files the {@code --add-file} values, in order
 * @param cwd {@code --cwd}, or null for the current directory
 * @param jobspecFile {@code --jobspec}, or null
 * @param verbose how many {@code -v}
 * @param command the command and its arguments (empty with {@code --jobspec})
 */
record RunRequest(Integer ntasks, Integer nodes, int coresPerTask, double timeLimit, ObjectNode options, List<String> envRules, List<String> files, Path cwd,
        Path jobspecFile, int verbose, List<String> command) {
}
