#!/usr/bin/env bash
# bench/run-lua.sh: what Lua costs a one-shot `jobshell run true`, three variants side by side in
# the same run, alternating (A B C A B C ...), from private copies of runtime/target/jobshell:
#   nolua    etc/initrc.lua removed: no rc file to run, so no Lua state is created
#   initrc   the shipped etc/initrc.lua with an empty etc/lua.d/
#   lua10    an initrc that registers 10 Lua plugins, each handling task.init
# Prints the median and quartiles of each (ms, whole process) and the differences of the medians.
#   RUNS=15 (runs per variant)   JOBSHELL_DIST=runtime/target/jobshell
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIST=${JOBSHELL_DIST:-$ROOT/runtime/target/jobshell}
RUNS=${RUNS:-15}
[ -x "$DIST/bin/jobshell" ] || { echo "build the distribution first: mvn -B package -DskipTests" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for v in nolua initrc lua10; do cp -a "$DIST" "$WORK/$v"; done
rm "$WORK/nolua/etc/initrc.lua"
{
    for i in $(seq 1 10); do
        echo "plugin.register { name = 'p$i', handlers = { { topic = 'task.init', fn = function()"
        echo "  task.setenv('P$i', tostring(task.info.rank)) end } } }"
    done
} > "$WORK/lua10/etc/initrc.lua"
for v in nolua initrc lua10; do "$WORK/$v/bin/jobshell" run true; done   # warm the page cache
for i in $(seq 1 "$RUNS"); do
    for v in nolua initrc lua10; do
        s=$(date +%s%N); "$WORK/$v/bin/jobshell" run true; e=$(date +%s%N)
        echo "$v $(( (e - s) / 1000000 ))" >> "$WORK/times"
    done
done
python3 - "$WORK/times" <<'PY'
import statistics, sys
t = {}
for line in open(sys.argv[1]):
    v, ms = line.split(); t.setdefault(v, []).append(int(ms))
med = {}
for v in ("nolua", "initrc", "lua10"):
    xs = sorted(t[v]); q = statistics.quantiles(xs, n=4); med[v] = statistics.median(xs)
    print(f"{v:7s} median {med[v]:6.0f} ms  quartiles {q[0]:.0f}-{q[2]:.0f} ms  (n={len(xs)})")
print(f"shipped initrc - no Lua: {med['initrc'] - med['nolua']:+.0f} ms")
print(f"10 Lua plugins - no Lua: {med['lua10'] - med['nolua']:+.0f} ms;  - shipped initrc: {med['lua10'] - med['initrc']:+.0f} ms")
PY
