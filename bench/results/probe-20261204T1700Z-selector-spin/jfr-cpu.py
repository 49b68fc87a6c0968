#!/usr/bin/env python3
"""jfr-cpu.py FILE.jfr THREAD_REGEX [DEPTH]: jdk.CPUTimeSample of matching threads, weighted by sampling period (ms)."""
import sys, re, subprocess, collections
f, rx = sys.argv[1], re.compile(sys.argv[2]); depth = int(sys.argv[3]) if len(sys.argv) > 3 else 1
out = subprocess.run(['jfr', 'print', '--stack-depth', '96', '--events', 'jdk.CPUTimeSample', f], capture_output=True, text=True).stdout
samples = []; cur = None; frames = []; w = 0
for line in out.splitlines():
    if line.startswith('jdk.'):
        if cur is not None: samples.append((cur, frames, w))
        cur, frames, w = None, [], 0
    m = re.search(r'samplingPeriod = ([\d.]+) (ms|s)', line)
    if m: w = float(m.group(1)) * (1000 if m.group(2) == 's' else 1)
    m = re.search(r'eventThread = "(.*?)"', line)
    if m: cur = m.group(1)
    m = re.match(r'\s+([\w.$<>]+)\(', line)
    if m: frames.append(m.group(1))
if cur is not None: samples.append((cur, frames, w))
sel = [(fr, w) for t, fr, w in samples if rx.search(t)]
tot = sum(w for _, w in sel)
print(f'{len(sel)} samples, {tot:.0f} ms CPU (of {sum(w for _, _, w in samples):.0f} ms in all threads)')
leaf = collections.Counter()
for fr, w in sel: leaf[' < '.join(fr[:depth])] += w
for k, v in leaf.most_common(20): print(f'{v:7.0f} {100*v/tot:5.1f}% {k[:200]}')
print('--- inclusive')
inc = collections.Counter()
for fr, w in sel:
    for name in set(fr): inc[name] += w
for k, v in inc.most_common(int(sys.argv[4]) if len(sys.argv) > 4 else 70): print(f'{v:7.0f} {100*v/tot:5.1f}% {k[:160]}')
