import subprocess,re,collections,sys
out=subprocess.run(['jfr','print','--stack-depth','64','--events','jdk.CPUTimeSample',sys.argv[1]],capture_output=True,text=True).stdout
c=collections.Counter(); tot=0
pk=[('org.hibernate','hibernate'),('org.postgresql','pgjdbc'),('com.sun.ejb','ejb'),('org.glassfish.ejb','ejb'),('org.glassfish.exousia','security'),('com.sun.enterprise.security','security'),('org.jboss.weld','weld'),('org.glassfish.cdi','cdi-tx'),('com.sun.enterprise.transaction','jta'),('com.sun.jts','jta'),('com.sun.gjc','jdbc-pool'),('com.sun.enterprise.resource','jdbc-pool'),('com.sun.messaging','jms'),('org.apache.mina','mina'),('org.apache.ftpserver','ftpserver'),('org.imagestore','imagestore'),('java.util.logging','logging'),('com.sun.enterprise','container-other'),('org.glassfish','container-other'),('fish.payara','payara'),('org.infinispan','infinispan'),('org.jgroups','jgroups')]
for ev in out.split('jdk.CPUTimeSample')[1:]:
    fr=re.findall(r'^\s+([\w.$<>]+)\(',ev,re.M)
    w=re.search(r'samplingPeriod = ([\d.]+) ms',ev); w=float(w.group(1)) if w else 0
    tot+=w
    k='jdk-only'
    for f in fr:
        if f.startswith(('java.util.logging',)): k='logging'; break
        if f.startswith(('sun.','java.','jdk.','javax.','jakarta.')): continue
        k=next((n for p,n in pk if f.startswith(p)),f.rsplit('.',2)[0]); break
    c[k]+=w
n=float(sys.argv[2]) if len(sys.argv)>2 else 1
for k,v in c.most_common(25): print(f'{v:8.0f} {100*v/tot:5.1f}% {v/n:6.3f} ms/upload {k}')
