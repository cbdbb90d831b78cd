#!/usr/bin/env bash
# bench/run-many.sh: many live tasks, `jobshell run -n N sleep S` (one-shot, the posix launcher by
# ranking at this size) side by side with the C reference bench/src/main/c/many_live.c (posix_spawn,
# two pipes per task kept open, sequential spawns), alternating, in one run (docs/BENCHMARKS.md
# section 6, *Many live tasks*). For each run: the whole time and the spawn phase (jobshell: init to
# shell.start in its exec.eventlog), and jobshell's peak thread count.
#
#   N=3000 S=5 ROUNDS=3 bench/run-many.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIST=${JOBSHELL_DIST:-$ROOT/runtime/target/jobshell}
N=${N:-3000}
S=${S:-5}
ROUNDS=${ROUNDS:-3}
[ -x "$DIST/bin/jobshell" ] || { echo "build the distribution first: mvn -B package -DskipTests" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp -a "$DIST" "$WORK/js"
rm -rf "$WORK/js/var/jobs" "$WORK/js/var/run"
gcc -O2 -o "$WORK/many_live" "$ROOT/bench/src/main/c/many_live.c"
"$WORK/js/bin/jobshell" run true   # the copy's first run writes its class data archive at exit: not measured
echo "# $(date -u +%FT%TZ) $(uname -srm), $(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg), N=$N S=$S"
for r in $(seq 1 "$ROUNDS"); do
    "$WORK/many_live" "$N" "$S" | sed "s/^/round $r C:        /"
    peak=0
    s=$(date +%s%N)
    "$WORK/js/bin/jobshell" run -n "$N" sleep "$S" &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do   # bin/jobshell execs the JVM: $pid is the container
        t=$(awk '/^Threads:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
        [ "${t:-0}" -gt "$peak" ] && peak=$t
        sleep 0.5
    done
    wait "$pid"
    e=$(date +%s%N)
    log=$(ls -td "$WORK"/js/var/jobs/*/ | head -1)/exec.eventlog
    python3 - "$log" "$(( (e - s) / 1000000 ))" "$peak" "$r" <<'PY'
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
t = {e["name"]: e["timestamp"] for e in ev}
print(f"round {sys.argv[4]} jobshell: spawned in {t['shell.start'] - t['init']:.3f} s (init to shell.start), "
      f"all ended in {int(sys.argv[2]) / 1000:.3f} s (whole process), peak threads {sys.argv[3]}")
PY
done
