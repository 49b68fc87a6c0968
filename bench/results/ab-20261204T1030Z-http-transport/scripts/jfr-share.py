#!/usr/bin/env python3
"""jfr-share.py FILE.jfr SUBSTRING...: share of CPU-time samples with a frame containing each substring."""
import sys, re, subprocess
f = sys.argv[1]
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
tot = sum(w for _, w in samples)
print(f'{tot:.0f} ms in {len(samples)} samples')
for s in sys.argv[2:]:
    v = sum(w for fr, w in samples if any(s in x for x in fr))
    print(f'{100*v/tot:5.1f}% {v:7.0f} ms  {s}')
