#!/usr/bin/env bash
# upl2.sh <label> <concurrency> <seconds> [port]: as upl.sh, and the CPU of the store's PostgreSQL (postmaster and
# its children) per upload beside the JVM's
source /work/env.sh
cd /work/wt-bench
store=${STORE:-a}; label=$1 c=$2 s=$3; port=${4:-$([[ $store == a ]] && echo 7121 || echo 8121)} host=${HOST:-127.0.0.11}
pid=$(pgrep -f "/work/stores/$store/payara.*/nodes/localhost-imagestore/node-1/" | head -1)
pm=$(head -1 /work/stores/$store/postgres/postmaster.pid)
pgcpu() { local t=0; for p in $pm $(pgrep -P $pm); do t=$((t + $(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null || echo 0))); done; echo $t; }
t0=$(awk '{print $14+$15}' /proc/$pid/stat); g0=$(pgcpu)
java -Xmx512m -cp "bench/target/classes:bench/target/lib/*" org.imagestore.bench.ftp.FtpUploadBenchmark --hosts $host --port $port \
  --user cam1 --password a-long-secret-1 --photos bench/target/photos --folder "/upload/$label-$RANDOM" --label $label --concurrency $c \
  --login-per-file false --min-seconds $s --max-error-rate 0 --ids-out /tmp/ids-$label.tsv > /tmp/upl-$label.txt
t1=$(awk '{print $14+$15}' /proc/$pid/stat); g1=$(pgcpu)
n=$(grep -E '^replies_226=' /tmp/upl-$label.txt | cut -d= -f2)
grep -E '^(uploads_per_s|ms_p50|errors)=' /tmp/upl-$label.txt | tr '\n' ' '
echo "jvm_cpu_ms=$(python3 -c "print(round(($t1-$t0)*10/$n,2))") pg_cpu_ms=$(python3 -c "print(round(($g1-$g0)*10/$n,2))") uploads=$n"
