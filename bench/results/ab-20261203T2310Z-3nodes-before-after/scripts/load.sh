#!/usr/bin/env bash
# load.sh <worktree> <nodes> <seconds> <concurrency> [label] [offset]
set -euo pipefail
wt=$1; n=$2; s=$3; c=$4; label=${5:-load}; off=${6:-4000}
source /work/env.sh
hosts=$(for k in $(seq $n); do printf '127.0.0.1%s,' $k; done); hosts=${hosts%,}
cd "$wt/bench"
java -Xmx512m -cp "target/classes:target/lib/*" org.imagestore.bench.ftp.FtpUploadBenchmark --hosts "$hosts" --port $((2121 + off)) \
  --user bench --password benchpw1234567 --photos target/photos --folder "/upload/$label-$(date +%s%N)" --label "$label" \
  --concurrency "$c" --login-per-file false --min-seconds "$s" --max-error-rate 0 --ids-out /dev/null
