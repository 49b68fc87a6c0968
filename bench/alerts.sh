#!/usr/bin/env bash
# What alert rules cost an upload: bench/src/.../alerts/RuleMatchingBenchmark matches uploads against 1 to 1,000
# enabled image rules that each fail on their last criterion, in a warm JVM, and prints ns per upload.
# Ingest adds to this one read of the replicated cluster state (the rules' version) per upload; a rule that fires
# adds its firing's rows (firing, outbox message, webhook call) to the upload's own commit.
# usage: bench/alerts.sh [RULE_COUNTS]   (default 1,10,100,1000); output also in bench/results/alerts-latest.txt
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
if [[ -z ${JAVA_HOME:-} && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
(cd "$root" && mvn -q -B -pl bench -am package -DskipTests) >&2
{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $("$java" -version 2>&1 | head -1)"
  "$java" -cp "$root/bench/target/classes:$root/bench/target/lib/*" org.imagestore.bench.alerts.RuleMatchingBenchmark \
    --rules "${1:-1,10,100,1000}"
} | tee "$here/results/alerts-latest.txt"
