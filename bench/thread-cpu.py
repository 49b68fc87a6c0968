#!/usr/bin/env python3
"""CPU time of the store's JVM threads by what they do, between two snapshots of /proc/<pid>/task/*/stat.

  thread-cpu.py snapshot FILE PID...        writes every thread's name and CPU ticks (user, system) to FILE
  thread-cpu.py since FILE UPLOADS PID...   prints key=value lines: each kind of thread's CPU per upload since FILE,
                                            summed over the JVMs (threads_<kind>_ms_per_upload=, .._sys_..=)

A thread's kind comes from its name (pool names with their numbers folded): the FTP sessions, the HTTP workers
(on a cluster they take the copies other nodes send), the JIT compilers, the garbage collector, the node-to-node
client, the container's scheduled tasks, the rest; and the threads that ended between the two snapshots (MINA's
I/O threads end with their FTP sessions), whose CPU only the process's own total still holds.
"""
import os, re, sys

KINDS = [  # (kind, pattern on the thread name as /proc shows it, 15 characters at most)
    ('ftp', r'^pool-\d+-thread'),           # FtpServer's MINA executor: a session's commands, STOR included
    ('ftp_io', r'^NioProcessor'),           # MINA's socket I/O
    ('http', r'^http-thread-poo'),          # Grizzly workers: reads, and the copies other nodes send
    ('http_io', r'^http-listener'),
    ('jit', r'^C\d CompilerThre'),
    ('gc', r'^(GC Thread|G1 |GN? ?Conc|GN Refine|VM Thread)'),
    ('node_client', r'^HttpClient'),
    ('scheduled', r'^(concurrent/__de|payara-executo|__ejb-thread-po)'),
]
TICK = os.sysconf('SC_CLK_TCK')


def stat(path):
    """(name, user ticks, system ticks) from a /proc stat file, or None when it is gone."""
    try:
        with open(path) as f:
            text = f.read()
    except OSError:
        return None
    fields = text[text.rindex(')') + 2:].split()
    return text[text.index('(') + 1:text.rindex(')')], int(fields[11]), int(fields[12])


def process_ticks(pids):
    """Every thread's CPU, ended ones included, per process: (user, system) ticks."""
    found = {pid: stat(f'/proc/{pid}/stat') for pid in pids}
    return {pid: (s[1], s[2]) for pid, s in found.items() if s}


def threads(pids):
    out = {}
    for pid in pids:
        try:
            tids = os.listdir(f'/proc/{pid}/task')
        except OSError:
            continue
        for tid in tids:
            s = stat(f'/proc/{pid}/task/{tid}/stat')
            if s:
                out[f'{pid}/{tid}'] = s
    return out


def kind(name):
    return next((k for k, pattern in KINDS if re.search(pattern, name)), 'other')


def main():
    command, path = sys.argv[1], sys.argv[2]
    if command == 'snapshot':
        with open(path, 'w') as f:
            for key, (name, user, system) in threads(sys.argv[3:]).items():
                f.write(f'{key}\t{user}\t{system}\t{name}\n')
            for pid, (user, system) in process_ticks(sys.argv[3:]).items():
                f.write(f'process {pid}\t{user}\t{system}\t\n')
        return
    uploads = max(int(sys.argv[3]), 1)
    before = {}
    with open(path) as f:
        for line in f:
            key, user, system, name = line.rstrip('\n').split('\t', 3)
            before[key] = (int(user), int(system))
    total, system_total = {}, {}
    pids = sys.argv[4:]
    processes = process_ticks(pids)  # first: a thread that ends after this is still counted below
    for key, (name, user, system) in threads(pids).items():
        u0, s0 = before.get(key, (0, 0))
        k = kind(name)
        total[k] = total.get(k, 0) + (user - u0) + (system - s0)
        system_total[k] = system_total.get(k, 0) + (system - s0)
    live, live_system = sum(total.values()), sum(system_total.values())
    process_all = process_system = 0
    for pid, (user, system) in processes.items():
        u0, s0 = before.get(f'process {pid}', (user, system))
        process_all += (user - u0) + (system - s0)
        process_system += system - s0
    total['ended'] = max(process_all - live, 0)
    system_total['ended'] = max(process_system - live_system, 0)
    for k in [k for k, _ in KINDS] + ['other', 'ended']:
        print(f'threads_{k}_ms_per_upload={1000 * total.get(k, 0) / TICK / uploads:.2f}')
        print(f'threads_{k}_sys_ms_per_upload={1000 * system_total.get(k, 0) / TICK / uploads:.2f}')


if __name__ == '__main__':
    main()
