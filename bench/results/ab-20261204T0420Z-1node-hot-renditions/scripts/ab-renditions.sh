#!/usr/bin/env bash
# ab-renditions.sh <rounds> <seconds> <out dir> <name>:<port>:<pid>:<paths file> ...
# Cached renditions through each store in turn (wrk -t2 -c32, bench/wrk/cycle.lua over the paths), <rounds> times:
# wrk's output, and the store JVM's CPU time over the run (utime + stime of /proc/<pid>/stat) per request.
set -euo pipefail
rounds=$1; seconds=$2; out=$3; shift 3
cycle=$(dirname "$0")/../../../wrk/cycle.lua   # bench/wrk/cycle.lua, as bench/run uses it
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
for r in $(seq "$rounds"); do
  for store in "$@"; do
    IFS=: read -r name port pid paths <<< "$store"
    t0=$(ticks "$pid")
    wrk -t2 -c32 -d"${seconds}s" --latency -s "$cycle" "http://127.0.0.11:$port" -- "$paths" > "$out/$name-$r-wrk.txt"
    t1=$(ticks "$pid")
    rate=$(awk '/Requests\/sec/ {print $2}' "$out/$name-$r-wrk.txt")
    requests=$(sed -n 's/^requests=//p' "$out/$name-$r-wrk.txt")
    printf '%s round %s: %s req/s, JVM CPU %.1f us per request\n' "$name" "$r" "$rate" \
      "$(awk -v t=$((t1 - t0)) -v n="$requests" 'BEGIN {print t * 10000 / n}')"
  done
done
