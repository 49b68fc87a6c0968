#!/usr/bin/env bash
STORE=b /work/tools/upl.sh warmb 1 60; STORE=b /work/tools/upl.sh warmb4 4 40; STORE=a /work/tools/upl.sh warma 1 20
echo "--- c1"; /work/tools/ab-upl.sh 4 1 20
echo "--- c4"; /work/tools/ab-upl.sh 3 4 20
