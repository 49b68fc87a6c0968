#!/usr/bin/env bash
# ab-upl.sh <rounds> <concurrency> <seconds>: interleaved upload runs on store a (port 7121) and b (8121)
for r in $(seq $1); do
  for s in a b; do
    port=$([[ $s == a ]] && echo 7121 || echo 8121)
    echo "round $r store $s: $(STORE=$s $(dirname "$0")/../../ab-20261204T1715Z-ingest-receive-1pc/scripts/upl.sh ab-$s $2 $3 $port)"
  done
done
