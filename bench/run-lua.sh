#!/usr/bin/env bash
# bench/run-lua.sh: what Lua costs a one-shot `jobshell run true`, three variants side by side in
# the same run, alternating (A B C A B C ...), from private copies of runtime/target/jobshell:
#   nolua    etc/initrc.lua removed: no rc file to run, so no Lua state is created
#   initrc   the shipped etc/initrc.lua with an empty etc/lua.d/
#   lua10    an initrc that registers 10 Lua plugins, each handling task.init
# Prints the median and quartiles of each (ms: the whole process, and the job from its exec.eventlog)
# and the differences of the medians. Then the same three through a daemon each (DAEMON_RUNS jobs per
# variant, alternating): what Lua costs a job in the warm container, without a JVM's start-up noise.
#   RUNS=15 (runs per variant)  DAEMON_RUNS=60 (0: skip)  JOBSHELL_DIST=runtime/target/jobshell
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIST=${JOBSHELL_DIST:-$ROOT/runtime/target/jobshell}
RUNS=${RUNS:-15}
[ -x "$DIST/bin/jobshell" ] || { echo "build the distribution first: mvn -B package -DskipTests" >&2; exit 1; }
DAEMON_RUNS=${DAEMON_RUNS:-60}
WORK=$(mktemp -d)
stop_daemons() {
    for v in nolua initrc lua10; do
        [ -f "$WORK/d-$v/var/run/jobshell.pid" ] && kill -TERM "$(cat "$WORK/d-$v/var/run/jobshell.pid")" 2>/dev/null
    done
    sleep 1
}
trap 'stop_daemons; rm -rf "$WORK"' EXIT
for v in nolua initrc lua10; do
    cp -a "$DIST" "$WORK/$v"
    rm -rf "$WORK/$v/var/jobs" "$WORK/$v/var/run"   # only this run's jobs, and no daemon of the original
done
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
if [ "$DAEMON_RUNS" -gt 0 ]; then
    for v in nolua initrc lua10; do
        cp -a "$WORK/$v" "$WORK/d-$v"
        rm -rf "$WORK/d-$v/var/jobs"
        "$WORK/d-$v/bin/jobshell" daemon --detach >/dev/null
        for _ in $(seq 20); do "$WORK/d-$v/bin/jobshell" run true; done   # warm: JIT, Lua classes
    done
    for i in $(seq 1 "$DAEMON_RUNS"); do
        for v in nolua initrc lua10; do
            s=$(date +%s%N); "$WORK/d-$v/bin/jobshell" run true; e=$(date +%s%N)
            echo "$v $(( (e - s) / 1000 ))" >> "$WORK/daemon-times"
        done
    done
fi
python3 - "$WORK" <<'PY'
import glob, json, os, statistics, sys
work = sys.argv[1]
t = {}
for line in open(os.path.join(work, "times")):
    v, ms = line.split(); t.setdefault(v, []).append(int(ms))
# the job itself, from its exec.eventlog (init to done): what Lua adds inside the container, without
# the JVM's start, which dominates the whole-process time and its noise
job = {}
for v in ("nolua", "initrc", "lua10"):
    for d in glob.glob(os.path.join(work, v, "var/jobs/*/exec.eventlog")):
        ts = [json.loads(l)["timestamp"] for l in open(d) if l.strip()]
        job.setdefault(v, []).append((max(ts) - min(ts)) * 1000)
def report(title, data):
    med = {}
    print(title)
    for v in ("nolua", "initrc", "lua10"):
        xs = sorted(data[v]); q = statistics.quantiles(xs, n=4); med[v] = statistics.median(xs)
        print(f"  {v:7s} median {med[v]:7.1f} ms  quartiles {q[0]:.1f}-{q[2]:.1f} ms  (n={len(xs)})")
    print(f"  shipped initrc - no Lua: {med['initrc'] - med['nolua']:+.1f} ms")
    print(f"  10 Lua plugins - no Lua: {med['lua10'] - med['nolua']:+.1f} ms;  - shipped initrc: {med['lua10'] - med['initrc']:+.1f} ms")
report("whole process (bin/jobshell run true):", t)
report("the job in the container (exec.eventlog init to done):", job)
if os.path.exists(os.path.join(work, "daemon-times")):
    d = {}
    for line in open(os.path.join(work, "daemon-times")):
        v, us = line.split(); d.setdefault(v, []).append(int(us) / 1000)
    report("through a warm daemon each (whole client process, bin/jobshell run true):", d)
PY
