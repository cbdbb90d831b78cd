package org.jobshell.plugin.files;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellException;
import org.jobshell.api.ShellPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * The builtin {@code files} plugin (spec §3.2): at {@code shell.init}, every shell writes the files
 * attached to the jobspec ({@code jobshell run --add-file}, jobspec {@code attributes.system.files})
 * into its {@code JOBSHELL_JOB_TMPDIR}, which the {@code tmpdir} builtin made just before and removes
 * with them at the end. A file that cannot be written fails the job, naming it.
 */
@Component(property = {ShellPlugin.NAME + "=files", "service.ranking:Integer=6"})
public final class FilesPlugin implements ShellPlugin {

    @Override
    public void attach(PluginContext plugin) {
        plugin.handle("shell.init", (shell, topic, args) -> {
            JsonNode files = shell.info().jobspec().path("attributes").path("system").get("files");
            if (files == null || files.isEmpty()) {
                return;
            }
            String tmpdir = shell.environment().get("JOBSHELL_JOB_TMPDIR");
            if (tmpdir == null) {
                throw new ShellException("the job has files but no JOBSHELL_JOB_TMPDIR to put them in (is tmpdir disabled?)");
            }
            int n = JobFiles.extract(files, Path.of(tmpdir));
            shell.log().debug("wrote " + n + " file(s) into " + tmpdir);
        });
    }
}
