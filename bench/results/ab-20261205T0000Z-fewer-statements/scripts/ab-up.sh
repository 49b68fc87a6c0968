#!/usr/bin/env bash
# ab-up.sh <store a|b> <worktree> <offset>: a one-node dev store with the source cam1
source /work/env.sh
s=$1 wt=$2 off=$3
export IMAGESTORE_HOME=/work/stores/$s IMAGESTORE_PORT_OFFSET=$off
"$wt/imagestore" up > /work/stores/$s-up.log 2>&1 || { tail -20 /work/stores/$s-up.log; exit 1; }
pw=$(cat /work/stores/$s/secrets/admin-password)
curl -s -u admin:$pw -H 'Content-Type: application/json' -d '{"name":"cam1","password":"a-long-secret-1"}' \
  http://127.0.0.11:$((8080+off))/admin/sources; echo
