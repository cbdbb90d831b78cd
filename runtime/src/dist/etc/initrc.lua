-- The system initrc: every job runs it, in one Lua state per shell, before shell.init.
-- A job replaces it with -o initrc=FILE. The Lua API is in docs/PLUGINS.md ("Lua plugins").

-- 1. Lua plugin files of the plugin search path (setting jobshell.pluginpath, default
--    lib/shell-plugins/; plugin.searchpath in Lua). Plugin bundle jars kept there are loaded only
--    when rc logic asks for them: plugin.load "site-gpu.jar".
plugin.load { file = "*.lua", conf = {} }

-- 2. The site's rc snippets: lua.d/*.lua next to this file, then each directory of the job
--    environment's JOBSHELL_SHELL_RC_PATH.
shell.source_rcpath("*.lua")

-- 3. lua.d/mpi/<name>.lua (and <name>@<version>.lua) for -o mpi=<name>[@<version>].
shell.source_rcpath_option("mpi")

-- 4. The user's own: -o userrc=FILE.
if shell.options.userrc then
    source(shell.options.userrc)
end
