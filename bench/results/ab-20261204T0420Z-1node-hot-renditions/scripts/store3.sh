#!/usr/bin/env bash
# store3.sh <worktree> <nodes> [name] [offset]: a fresh store of N nodes with a source bench/benchpw1234567
set -euo pipefail
wt=$1; n=$2; name=${3:-nodes-$n}; off=${4:-4000}; home=/work/stores/$name
source /work/env.sh
cd "$wt"
IMAGESTORE_HOME=$home IMAGESTORE_PORT_OFFSET=$off ./imagestore down >/dev/null 2>&1 || true
rm -rf "$home"; mkdir -p /work/stores
IMAGESTORE_HOME=$home IMAGESTORE_PORT_OFFSET=$off ./imagestore up --nodes "$n" > /work/stores/up-$name.log 2>&1
pw=$(cat $home/secrets/admin-password)
curl -s -u "admin:$pw" -H 'Content-Type: application/json' -d '{"name":"bench","password":"benchpw1234567"}' http://127.0.0.11:$((8080 + off))/admin/sources; echo
for k in $(seq $n); do cat $home/payara-*/payara7/glassfish/nodes/*/node-$k/config/pid; echo; done > /work/stores/pids-$name
echo "pg $(head -1 $home/postgres/postmaster.pid)"
