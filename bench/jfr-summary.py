#!/usr/bin/env python3
"""Where a store's CPU goes, from JFR recordings of its node JVMs: each execution sample counts for the code that
was running, named by the first frame from the top of its stack (the leaf) that one of the rules below knows
(JDK frames such as HashMap.get count for whoever called them).

usage: bench/jfr-summary.py <recording.jfr>...   (needs the JDK's `jfr` tool on PATH or under $JAVA_HOME/bin)
"""
import json
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import datetime

# (bucket, frame pattern): for each frame from the leaf down, the first rule that matches names the bucket
RULES = [
    ("SHA-256 hashing", r"sun\.security\.provider\.(SHA|DigestBase)"),
    ("fsync", r"(FileChannelImpl\.force|FileDispatcherImpl\.force|UnixNativeDispatcher\.fsync)"),
    ("image inspection (headers, EXIF)", r"org\.imagestore\.imaging\.(ImageInspector|ExifFacts|ExifLocator|Completeness|Codecs)"),
    ("rendering", r"org\.imagestore\.(rendering|imaging\.jpeg)"),
    ("TLS", r"(sun\.security\.ssl|javax\.crypto)"),
    ("JDBC (PostgreSQL driver)", r"org\.postgresql\."),
    ("Hibernate", r"org\.hibernate\."),
    ("JMS (OpenMQ client)", r"com\.sun\.messaging\."),
    ("Infinispan / JGroups", r"org\.(infinispan|jgroups)\."),
    ("node-to-node HTTP client", r"(jdk\.internal\.net\.http|java\.net\.http)"),
    ("JAX-RS (Jersey)", r"org\.glassfish\.jersey\."),
    ("HTTP server (Grizzly)", r"org\.glassfish\.grizzly\."),
    ("FTP server (FtpServer, MINA)", r"org\.apache\.(ftpserver|mina)\."),
    ("transactions (JTA/JTS)", r"com\.sun\.(jts|enterprise\.transaction)"),
    ("EJB / CDI container", r"(com\.sun\.ejb\.|org\.jboss\.weld\.|org\.glassfish\.ejb\.)"),
    ("file I/O", r"(sun\.nio\.ch\.FileChannelImpl|java\.io\.FileInputStream|java\.io\.FileOutputStream|sun\.nio\.fs\.)"),
    ("imagestore (other)", r"org\.imagestore\."),
    ("logging", r"java\.util\.logging\."),
]
COMPILED = [(name, re.compile(pattern)) for name, pattern in RULES]


def jfr_tool():
    home = os.environ.get("JAVA_HOME")
    if home and os.path.exists(os.path.join(home, "bin", "jfr")):
        return os.path.join(home, "bin", "jfr")
    return "jfr"


def stacks(path):
    out = subprocess.run([jfr_tool(), "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", path],
                         check=True, capture_output=True, text=True).stdout
    frames = None
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("stackTrace = ["):
            frames = []
        elif frames is not None and line.startswith("]"):
            yield frames
            frames = None
        elif frames is not None and line:
            frames.append(line)


def duration_s(iso):
    """Seconds of an ISO-8601 duration as jfr prints them: PT1M19.261S, PT0.5S."""
    m = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", iso)
    return int(m.group(1) or 0) * 3600 + int(m.group(2) or 0) * 60 + float(m.group(3) or 0)


def instant(text):
    """A jfr timestamp (nanosecond digits, a Z) as a datetime."""
    m = re.fullmatch(r"([^.Z]+)(?:\.(\d+))?Z?", text)
    return datetime.fromisoformat(m.group(1) + "." + (m.group(2) or "0")[:6].ljust(6, "0"))


def jit(path):
    """(methods compiled, compiler seconds, wall seconds) between the recording's first and last compiler statistics:
    the CPU the JIT compilers took, which execution samples do not show."""
    out = subprocess.run([jfr_tool(), "print", "--json", "--events", "jdk.CompilerStatistics", path],
                         check=True, capture_output=True, text=True).stdout
    events = sorted((e["values"] for e in json.loads(out)["recording"]["events"]), key=lambda v: v["startTime"])
    if len(events) < 2:
        return None
    first, last = events[0], events[-1]
    wall = (instant(last["startTime"]) - instant(first["startTime"])).total_seconds()
    return (last["compileCount"] - first["compileCount"],
            duration_s(last["totalTimeSpent"]) - duration_s(first["totalTimeSpent"]), wall)


def thread_cpu(path):
    """(compiler threads' CPU, every thread's CPU) summed over jdk.ThreadCPULoad events, in the events' unit (a share
    of the machine over each period): the compilers' share of the JVM's CPU. Compiler time (jdk.CompilerStatistics)
    is wall time and counts the time a compiler thread waited for a core; on 2 busy cores that overstates the JIT
    (run-20261203T1136Z, 3 nodes, 4 sessions: compiler time 1.57 of the store's 1.78 cores, thread CPU 22 %)."""
    out = subprocess.run([jfr_tool(), "print", "--json", "--events", "jdk.ThreadCPULoad", path],
                         check=True, capture_output=True, text=True).stdout
    compiler = total = 0.0
    for event in json.loads(out)["recording"]["events"]:
        v = event["values"]
        load = v["user"] + v["system"]
        total += load
        if v["eventThread"] and "CompilerThread" in (v["eventThread"]["osName"] or ""):
            compiler += load
    return compiler, total


def bucket(frames):
    for frame in frames:
        for name, pattern in COMPILED:
            if pattern.search(frame):
                return name
    return "JDK and other"


def store_frame(frames):
    """The store's own method nearest the leaf: whose work it was."""
    for frame in frames:
        if frame.startswith("org.imagestore.") and "$Proxy$" not in frame and "__EJB31_Generated__" not in frame:
            return frame.split("(")[0].split(" line:")[0]
    return "(no imagestore frame: container, server or JVM work)"


def main(paths):
    counts = Counter()
    owners = Counter()
    for path in paths:
        for frames in stacks(path):
            counts[bucket(frames)] += 1
            owners[store_frame(frames)] += 1
    total = sum(counts.values())
    print(f"{total} execution samples from {len(paths)} recording(s)")
    print()
    print("| what the sampled thread was running | samples | share |")
    print("|---|---|---|")
    for name, n in counts.most_common():
        print(f"| {name} | {n} | {100.0 * n / total:.1f}% |")
    print()
    print("| the store's method nearest the running code (top 20) | samples | share |")
    print("|---|---|---|")
    for name, n in owners.most_common(20):
        print(f"| `{name}` | {n} | {100.0 * n / total:.1f}% |")
    print()
    print("JIT compilation during the recording, not in the samples above: methods and compiler time from")
    print("jdk.CompilerStatistics (first to last; wall time of the compiler threads, waits for a core included), and")
    print("the compiler threads' share of the JVM's thread CPU from jdk.ThreadCPULoad (every 10 s or so: a coarse")
    print("figure, but CPU):")
    print()
    print("| recording | methods compiled | compiler time | over | compiler time / wall | compilers' share of thread CPU |")
    print("|---|---|---|---|---|---|")
    for path in paths:
        facts = jit(path)
        compiler_cpu, all_cpu = thread_cpu(path)
        share = f"{100.0 * compiler_cpu / all_cpu:.0f} %" if all_cpu > 0 else "(no events)"
        if facts:
            methods, compiler, wall = facts
            print(f"| {os.path.basename(path)} | {methods} | {compiler:.1f} s | {wall:.1f} s | {compiler / wall:.2f} | {share} |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1:])
