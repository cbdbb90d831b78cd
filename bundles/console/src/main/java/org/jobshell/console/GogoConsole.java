package org.jobshell.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.jobshell.api.admin.AdminConsole;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The container's console on Gogo's command processor: one command line at a time, its result
 * printed (unlike {@code gosh -c}, which prints nothing), an error as one line. Only present when
 * Gogo is: its reference is to Gogo's service.
 */
@Component
public final class GogoConsole implements AdminConsole {

    private static final String PROMPT = "jobshell> ";

    private final CommandProcessor processor;

    /** @param processor Gogo's */
    @Activate
    public GogoConsole(@Reference CommandProcessor processor) {
        this.processor = processor;
    }

    @Override
    public int execute(String command, PrintStream out, PrintStream err) {
        try (CommandSession session = processor.createSession(InputStream.nullInputStream(), out, err)) {
            return run(session, command, out, err) ? 0 : 1;
        }
    }

    @Override
    public int interactive(InputStream in, PrintStream out, PrintStream err) {
        try (CommandSession session = processor.createSession(in, out, err);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            out.print(PROMPT);
            String line;
            while ((line = lines.readLine()) != null && !line.strip().equals("exit")) {
                if (!line.isBlank()) {
                    run(session, line, out, err);
                }
                out.print(PROMPT);
            }
            out.println();
        } catch (IOException e) {
            // the client went away
        }
        return 0;
    }

    /** @return whether the command succeeded */
    private static boolean run(CommandSession session, String command, PrintStream out, PrintStream err) {
        try {
            Object result = session.execute(command);
            if (result != null) {
                CharSequence text = session.format(result, Converter.INSPECT);
                out.print(text);
                if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                    out.println();
                }
            }
            out.flush();
            return true;
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            err.println("console: " + message);
            return false;
        }
    }
}
