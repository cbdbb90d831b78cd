package org.jobshell.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletionStage;
import org.jobshell.core.launch.Signals;
import org.jobshell.core.spi.LeaderMessage;
import org.jobshell.core.spi.ShellExchange;

/** What one shell receives through the exchange; on the leader, also what every shell sends it. */
final class ShellEndpoint implements ShellExchange.Endpoint {

    private final ShellScope scope;
    private final LeaderRecords leader;

    /**
     * @param scope the shell
     * @param leader the leader's records on rank 0, else null
     */
    ShellEndpoint(ShellScope scope, LeaderRecords leader) {
        this.scope = scope;
        this.leader = leader;
    }

    @Override
    public CompletionStage<JsonNode> serve(String method, JsonNode request) {
        return scope.services().serve(method, request);
    }

    @Override
    public void aborted(int code, String message) {
        scope.failure().aborted();
        scope.tasks().killAll(Signals.KILL);
    }

    @Override
    public void kill(int signal) {
        scope.tasks().killAll(signal);
    }

    @Override
    public void cancelled(int signal) {
        scope.tasks().cancel(signal);
    }

    @Override
    public void fromShell(int shellRank, LeaderMessage kind, ObjectNode body) {
        leader().fromShell(shellRank, kind, body);
    }

    @Override
    public void exception(int shellRank, int code, String message) {
        leader().exception(shellRank, code, message);
    }

    private LeaderRecords leader() {
        if (leader == null) {
            throw new IllegalStateException("shell " + scope.info().rank() + " is not the leader");
        }
        return leader;
    }
}
