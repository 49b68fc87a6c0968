#!/usr/bin/env python3
"""compilations.py FILE: a summary of `jfr print --events jdk.Compilation` output: compilations by tier, compiler
time by tier and by package, and how many methods were compiled more than once."""
import re, sys, collections
events = open(sys.argv[1]).read().split('jdk.Compilation {')[1:]
count, millis, per_method, per_package = (collections.Counter() for _ in range(4))
for event in events:
    method = re.search(r'method = (\S+)', event)
    level = re.search(r'compileLevel = (\d+)', event)
    took = re.search(r'duration = ([\d.]+) (ms|s|us)', event)
    name = method.group(1) if method else '?'
    tier = level.group(1) if level else '?'
    ms = float(took.group(1)) * {'s': 1000, 'ms': 1, 'us': 0.001}[took.group(2)] if took else 0
    count[tier] += 1
    millis[tier] += ms
    per_method[name] += 1
    per_package['.'.join(name.split('.')[:3])] += ms
print(f'compilations: {len(events)}')
print('by tier (1-3 C1, 4 C2):', dict(sorted(count.items())))
print('compiler ms by tier:', {k: round(v) for k, v in sorted(millis.items())})
print('methods compiled more than once:', sum(1 for v in per_method.values() if v > 1))
for package, ms in per_package.most_common(15):
    print(f'{ms:8.0f} ms {package}')
