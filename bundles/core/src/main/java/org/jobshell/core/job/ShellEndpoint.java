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
    private final ShellRequests requests;
    private final LeaderRecords leader;

    /**
     * @param scope the shell
     * @param requests offers kill requests to the shell's plugins
     * @param leader the leader's records on rank 0, else null
     */
    ShellEndpoint(ShellScope scope, ShellRequests requests, LeaderRecords leader) {
        this.scope = scope;
        this.requests = requests;
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
        requests.kill(signal);
    }

    @Override
    public void cancelled(int signal) {
        scope.shellCancel().cancel(signal);
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
