package org.jobshell.plugin.input;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.jobshell.api.Args;
import org.jobshell.api.IoErrors;
import org.jobshell.api.PluginContext;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellException;
import org.jobshell.api.Task;

/**
 * The input plugin attached to one shell. With a file, every task's stdin is the file. Else the
 * targeted tasks each read a pipe, fed by this shell's {@link InputFeeder}: the leader reads the job's
 * input on a thread of its own from {@code shell.start} on, feeds its own tasks and sends every chunk
 * (and the end) to the other shells' {@value #METHOD} service. Other tasks read {@code /dev/null}.
 */
final class JobInput {

    /** Each shell's service that takes a chunk of the job's input. */
    static final String METHOD = "input.write";

    private InputConfig config;
    private FileChannel file;
    private InputFeeder feeder;
    private final Map<Integer, Pipe> pipes = new HashMap<>();

    JobInput(PluginContext plugin) {
        plugin.handle("shell.init", this::init);
        plugin.handle("task.init", this::taskInit);
        plugin.handle("task.fork", this::taskFork);
        plugin.handle("shell.start", this::start);
        plugin.handle("shell.exit", this::exit);
    }

    private void init(Shell shell, String topic, Args args) throws IOException {
        config = InputConfig.of(shell.options().get("input"));
        if (config.file() != null) {
            Path path = shell.info().cwd().resolve(config.file());
            try {
                file = FileChannel.open(path);
            } catch (IOException e) {
                throw new ShellException("cannot open input file " + path + ": " + IoErrors.reason(e));
            }
            return;
        }
        feeder = new InputFeeder(message -> shell.execute(() -> shell.log().warn(message)));
        shell.register(METHOD, request -> {
            if (request.has("data")) {
                feeder.offer(Base64.getDecoder().decode(request.get("data").asText()));
            }
            if (request.path("eof").asBoolean()) {
                feeder.eof();
            }
            return null;
        });
    }

    private void taskInit(Shell shell, String topic, Args args) throws IOException {
        Task task = shell.currentTask();
        if (file != null) {
            task.launch().stdin(file);
        } else if (config.fed(task.rank())) {
            Pipe pipe = feeder.add(task.rank());
            pipes.put(task.rank(), pipe);
            task.launch().stdin(pipe.source());
        }
    }

    /** The task has its own open of the pipe: ours would keep a task that exits from closing it. */
    private void taskFork(Shell shell, String topic, Args args) throws IOException {
        Pipe pipe = pipes.remove(shell.currentTask().rank());
        if (pipe != null) {
            pipe.source().close();
        }
    }

    private void start(Shell shell, String topic, Args args) throws IOException {
        if (feeder == null) {
            return;
        }
        feeder.start();
        if (shell.info().rank() == 0) {
            Thread reader = new Thread(() -> read(shell), "jobshell-input-reader");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** On the leader's reader thread: the job's input to every shell, then its end. */
    private void read(Shell shell) {
        InputStream in = shell.input();
        byte[] buf = new byte[1 << 16];
        try {
            for (int n; (n = in.read(buf)) > 0;) {
                feeder.awaitRoom();
                send(shell, Arrays.copyOf(buf, n), false);
            }
        } catch (IOException e) {
            shell.execute(() -> shell.log().error("cannot read the job's input: " + IoErrors.reason(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        send(shell, null, true);
    }

    private void send(Shell shell, byte[] data, boolean eof) {
        if (data != null) {
            feeder.offer(data);
        } else {
            feeder.eof();
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        if (data != null) {
            request.put("data", Base64.getEncoder().encodeToString(data));
        }
        if (eof) {
            request.put("eof", true);
        }
        for (int r = 1; r < shell.info().size(); r++) {
            shell.rpc(r, METHOD, request);
        }
    }

    private void exit(Shell shell, String topic, Args args) throws IOException {
        if (file != null) {
            file.close();
        }
        if (feeder != null) {
            feeder.close();
        }
    }
}
