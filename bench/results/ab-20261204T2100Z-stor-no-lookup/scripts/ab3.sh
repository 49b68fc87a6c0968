#!/usr/bin/env bash
# warm both, then interleaved rounds: 1 session x6, 4 sessions x4 (20 s each)
STORE=a $(dirname "$0")/../../ab-20261204T1715Z-ingest-receive-1pc/scripts/upl.sh warma 1 60; STORE=b $(dirname "$0")/../../ab-20261204T1715Z-ingest-receive-1pc/scripts/upl.sh warmb 1 60
STORE=a $(dirname "$0")/../../ab-20261204T1715Z-ingest-receive-1pc/scripts/upl.sh warma4 4 30; STORE=b $(dirname "$0")/../../ab-20261204T1715Z-ingest-receive-1pc/scripts/upl.sh warmb4 4 30
echo "--- c1"; $(dirname "$0")/ab-upl.sh 6 1 20
echo "--- c4"; $(dirname "$0")/ab-upl.sh 4 4 20
