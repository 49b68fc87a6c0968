#!/usr/bin/env python3
"""cpuprof.py UPLOADS THREAD_REGEX MODE FILE.jfr...: jdk.CPUTimeSample weighted by period, ms per upload.
MODE: threads | owner | site | leaf | inc"""
import sys, re, subprocess, collections
n = float(sys.argv[1]); rx = re.compile(sys.argv[2]); mode = sys.argv[3]
pk=[('org.hibernate','hibernate'),('org.postgresql','pgjdbc'),('com.sun.ejb','ejb'),('org.glassfish.ejb','ejb'),('org.glassfish.exousia','security'),('com.sun.enterprise.security','security'),('org.jboss.weld','weld'),('org.glassfish.cdi','cdi-tx'),('com.sun.enterprise.transaction','jta'),('com.sun.jts','jta'),('com.sun.gjc','jdbc-pool'),('com.sun.enterprise.resource','jdbc-pool'),('com.sun.messaging','jms'),('org.apache.mina','mina'),('org.apache.ftpserver','ftpserver'),('org.glassfish.grizzly','grizzly'),('org.apache.catalina','catalina'),('org.glassfish.jersey','jersey'),('org.imagestore','imagestore'),('com.sun.enterprise','container-other'),('org.glassfish','container-other'),('fish.payara','payara'),('org.infinispan','infinispan'),('org.jgroups','jgroups')]
c = collections.Counter(); tot = 0
for f in sys.argv[4:]:
    out = subprocess.run(['jfr','print','--stack-depth','96','--events','jdk.CPUTimeSample',f],capture_output=True,text=True).stdout
    for ev in out.split('jdk.CPUTimeSample')[1:]:
        t = re.search(r'eventThread = "(.*?)"', ev)
        if not t: continue
        w = re.search(r'samplingPeriod = ([\d.]+) ms', ev); w = float(w.group(1)) if w else 0
        if mode == 'threads':
            c[re.sub(r'\d+', 'N', t.group(1))[:40]] += w; tot += w; continue
        if not rx.search(t.group(1)): continue
        fr = re.findall(r'^\s+([\w.$<>]+)\(', ev, re.M)
        tot += w
        if mode == 'owner':
            k = 'jdk-only'
            for x in fr:
                if x.startswith('java.util.logging'): k='logging'; break
                if x.startswith(('sun.','java.','jdk.','javax.','jakarta.')): continue
                k = next((nm for p,nm in pk if x.startswith(p)), x.rsplit('.',2)[0]); break
            c[k] += w
        elif mode == 'site':
            site = next((x for x in fr if x.startswith('org.imagestore')), '(none)')
            c[site + ' <- ' + (fr[0] if fr else '?')] += w
        elif mode == 'site1':
            c[next((x for x in fr if x.startswith('org.imagestore')), '(none)')] += w
        elif mode == 'leaf':
            c[' < '.join(fr[:3])] += w
        elif mode == 'inc':
            for x in set(fr): c[x] += w
print(f'total {tot/n:.3f} ms/upload')
for k, v in c.most_common(40): print(f'{v/n:7.3f} {100*v/tot:5.1f}% {k[:220]}')
