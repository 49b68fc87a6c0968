#!/usr/bin/env python3
"""jfr-under.py FILE.jfr METHOD: CPU-time samples that have METHOD on the stack: leaf frames (weighted ms), and the frame just below METHOD."""
import sys, re, subprocess, collections
f, target = sys.argv[1], sys.argv[2]
out = subprocess.run(['jfr', 'print', '--stack-depth', '128', '--events', 'jdk.CPUTimeSample', f], capture_output=True, text=True).stdout
samples = []; frames = []; w = 0
for line in out.splitlines():
    if line.startswith('jdk.'):
        if frames: samples.append((frames, w))
        frames, w = [], 0
    m = re.search(r'samplingPeriod = ([\d.]+) (ms|s)', line)
    if m: w = float(m.group(1)) * (1000 if m.group(2) == 's' else 1)
    m = re.match(r'\s+([\w.$<>]+)\(', line)
    if m: frames.append(m.group(1))
if frames: samples.append((frames, w))
sel = [(fr, w) for fr, w in samples if target in fr]
tot = sum(w for _, w in sel)
print(f'{tot:.0f} ms under {target}')
leaf = collections.Counter(); callee = collections.Counter()
for fr, w in sel:
    leaf[fr[0]] += w
    i = fr.index(target)
    callee[' > '.join(reversed(fr[max(0, i - 3):i]))] += w
for k, v in leaf.most_common(15): print(f'  leaf {v:6.0f} {100*v/tot:5.1f}% {k}')
for k, v in callee.most_common(15): print(f'  call {v:6.0f} {100*v/tot:5.1f}% {k[:220]}')
