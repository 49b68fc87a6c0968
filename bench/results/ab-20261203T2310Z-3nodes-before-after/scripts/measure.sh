#!/usr/bin/env bash
# measure.sh <worktree> <nodes> <storename> <offset> <concurrency> <label>: 30 s load, CPU of node JVMs + PG over 20 s of it
set -euo pipefail
wt=$1; n=$2; name=$3; off=$4; c=$5; label=$6
pg=$(head -1 /work/stores/$name/postgres/postmaster.pid)
bash /work/tools/load.sh "$wt" "$n" 30 "$c" "$label" "$off" > /tmp/measure-$label.txt 2>&1 &
loadpid=$!
sleep 5
pgpids=$(pgrep -P $pg | tr '\n' ' ')
t0=$(date +%s.%N)
python3 /work/tools/thread-cpu.py 20 $(cat /work/stores/pids-$name) > /tmp/measure-$label.cpu &
cpupid=$!
pgc0=0; for p in $pgpids; do pgc0=$((pgc0 + $(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null || echo 0))); done
wait $cpupid
pgc1=0; for p in $pgpids; do pgc1=$((pgc1 + $(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null || echo 0))); done
wait $loadpid
rate=$(grep uploads_per_s /tmp/measure-$label.txt | cut -d= -f2)
python3 - "$label" "$rate" "$((pgc1 - pgc0))" /tmp/measure-$label.cpu <<'PY'
import sys, re, collections
label, rate, pgticks, f = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
total = 0.0; groups = collections.Counter()
for line in open(f):
    m = re.match(r'== pid \d+: ([\d.]+) s CPU', line)
    if m: total += float(m.group(1)); continue
    m = re.match(r'\s+([\d.]+) s\s+[\d.]+%\s+sys\s+[\d.]+ s\s+(.*)', line)
    if m: groups[m.group(2).strip()] += float(m.group(1))
uploads = rate * 20
pg = pgticks / 100
print(f'{label}: {rate:.1f} uploads/s, JVMs {1000*total/uploads:.2f} ms/upload, PG {1000*pg/uploads:.2f} ms/upload, total {1000*(total+pg)/uploads:.2f}')
print('   ' + ', '.join(f'{k} {1000*v/uploads:.2f}' for k, v in groups.most_common(7)))
PY
