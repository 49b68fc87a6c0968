#!/usr/bin/env bash
# ab-upl2.sh <rounds> <concurrency> <seconds>: interleaved upl2.sh runs on store a (port 7121) and b (8121); the
# stores' blobs are deleted before each round (the photos are made unique per upload: the disk would fill)
for r in $(seq $1); do
  for s in a b; do
    find /work/stores/$s/nodes/node-1/volume-1/blobs -type f -delete; sync; sleep 2
    port=$([[ $s == a ]] && echo 7121 || echo 8121)
    echo "round $r store $s: $(STORE=$s "$(dirname "$0")/upl2.sh" ab-$s $2 $3 $port)"
  done
done
