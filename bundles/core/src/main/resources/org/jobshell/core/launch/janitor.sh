# The container's janitor (see Janitor.java): reads "+ KEY" and "- KEY" lines on descriptor 3 while the
# container lives; when that pipe closes (the container ended, however: kill -9 included), kills every
# process still carrying one of the remaining keys in JOBSHELL_JOB_KEY, until none is left.
trap '' INT TERM HUP QUIT TSTP PIPE
keys=
while read -r op key <&3; do
    case $op in
        +) keys="$keys $key" ;;
        -) k=; for x in $keys; do [ "$x" = "$key" ] || k="$k $x"; done; keys=$k ;;
    esac
done
[ -n "$keys" ] || exit 0
set --
for k in $keys; do set -- "$@" -e "JOBSHELL_JOB_KEY=$k"; done
i=0
while [ $i -lt 50 ]; do
    pids=$(grep -lzxF "$@" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3)
    [ -n "$pids" ] || exit 0
    kill -9 $pids 2>/dev/null
    i=$((i + 1))
done
