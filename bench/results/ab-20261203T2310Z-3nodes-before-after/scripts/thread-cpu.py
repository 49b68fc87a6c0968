#!/usr/bin/env python3
"""thread-cpu.py SECONDS PID...: CPU time of each JVM's threads over SECONDS, by thread name (digits folded)."""
import os, re, sys, time, collections
secs = float(sys.argv[1]); pids = sys.argv[2:]
tick = os.sysconf('SC_CLK_TCK')
def snap(pid):
    out = {}
    for tid in os.listdir(f'/proc/{pid}/task'):
        try:
            with open(f'/proc/{pid}/task/{tid}/stat') as f: s = f.read()
            with open(f'/proc/{pid}/task/{tid}/comm') as f: name = f.read().strip()
        except OSError: continue
        fields = s[s.rindex(')') + 2:].split()
        out[tid] = (name, int(fields[11]) + int(fields[12]), int(fields[12]))
    return out
before = {p: snap(p) for p in pids}
time.sleep(secs)
after = {p: snap(p) for p in pids}
for p in pids:
    by = collections.Counter(); sy = collections.Counter()
    for tid, (name, t, st) in after[p].items():
        b = before[p].get(tid, (name, 0, 0))
        by[re.sub(r'\d+', 'N', name)] += t - b[1]; sy[re.sub(r'\d+', 'N', name)] += st - b[2]
    tot = sum(by.values())
    print(f'== pid {p}: {tot / tick:.2f} s CPU in {secs:.0f} s ({tot / tick / secs:.2f} cores), sys {sum(sy.values()) / tick:.2f} s')
    for name, t in by.most_common(15):
        if t: print(f'  {t / tick:7.2f} s {100 * t / max(tot, 1):5.1f}%  sys {sy[name] / tick:5.2f} s  {name}')
