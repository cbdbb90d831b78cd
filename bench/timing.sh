# bench/timing.sh: whole-process timing helpers shared by run-launch.sh and run-daemon.sh (sourced).
# pair() uses CLI_RUNS (pairs per row) and OUT (where hyperfine's csv goes).

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# stamp: sets STAMP to the time in microseconds, with no fork when bash 5's EPOCHREALTIME exists
# (a `date +%s%N` reading costs ~1.5 ms, which would swamp the small rows)
stamp() {
  if [[ -n ${EPOCHREALTIME:-} ]]; then STAMP=${EPOCHREALTIME/[.,]/}; else STAMP=$(($(date +%s%N) / 1000)); fi
}

# time_once CMD...: wall milliseconds of one whole-process run, output discarded
time_once() {
  local t0
  stamp; t0=$STAMP
  "$@" >/dev/null 2>&1 || { echo "run-launch: failed: $*" >&2; return 1; }
  stamp
  awk -v d=$((STAMP - t0)) 'BEGIN { printf "%.3f\n", d / 1e3 }'
}

# pair NAME "A words" "B words": A and B alternate (A B, B A, ...); prints "NAME a_ms b_ms ratio"
# where the ratio is the median of the per-pair ratios A/B. With hyperfine installed, each pair is
# one hyperfine call of 3 runs per command (after 1 warmup), its medians taken.
pair() {
  local name=$1 a=$2 b=$3 i ta tb
  local -a as=() bs=() rs=()
  local -a A B
  read -r -a A <<<"$a"
  read -r -a B <<<"$b"
  time_once "${A[@]}" >/dev/null && time_once "${B[@]}" >/dev/null   # warm the page cache
  for ((i = 0; i < CLI_RUNS; i++)); do
    if command -v hyperfine >/dev/null; then
      local csv=$OUT/hf.csv
      if ((i % 2 == 0)); then
        hyperfine -N -w 1 -r 3 --style none --export-csv "$csv" "$a" "$b" >/dev/null 2>&1
        ta=$(awk -F, 'NR == 2 { print $4 * 1000 }' "$csv"); tb=$(awk -F, 'NR == 3 { print $4 * 1000 }' "$csv")
      else
        hyperfine -N -w 1 -r 3 --style none --export-csv "$csv" "$b" "$a" >/dev/null 2>&1
        tb=$(awk -F, 'NR == 2 { print $4 * 1000 }' "$csv"); ta=$(awk -F, 'NR == 3 { print $4 * 1000 }' "$csv")
      fi
    elif ((i % 2 == 0)); then
      ta=$(time_once "${A[@]}"); tb=$(time_once "${B[@]}")
    else
      tb=$(time_once "${B[@]}"); ta=$(time_once "${A[@]}")
    fi
    as+=("$ta"); bs+=("$tb"); rs+=("$(awk -v a="$ta" -v b="$tb" 'BEGIN { printf "%.4f\n", a / b }')")
  done
  printf '%s %s %s %s\n' "$name" "$(printf '%s\n' "${as[@]}" | median)" \
    "$(printf '%s\n' "${bs[@]}" | median)" "$(printf '%s\n' "${rs[@]}" | median)"
}
