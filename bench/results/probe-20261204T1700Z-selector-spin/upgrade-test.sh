#!/usr/bin/env bash
# a store made with the new launcher, then made to look like one from before the request-timeout line: the next up must apply it
set -e
source /work/env.sh
cd /work/main
export IMAGESTORE_HOME=/work/stores/u IMAGESTORE_PORT_OFFSET=7000
./imagestore up > /tmp/u-up1.log 2>&1
AS="$IMAGESTORE_HOME/payara-7.2025.1/payara7/bin/asadmin --port $((24848+7000)) --user admin --passwordfile $IMAGESTORE_HOME/secrets/asadmin.passwordfile"
K=configs.config.imagestore-config.network-config.protocols.protocol.http-listener
echo "fresh: $( { $AS get $K-1.http.request-timeout-seconds; $AS get $K-2.http.request-timeout-seconds; } | grep = | sed "s/.*protocol.//" | tr '\n' ' ')"
$AS set $K-1.http.request-timeout-seconds=900 $K-2.http.request-timeout-seconds=900 > /dev/null
rm "$IMAGESTORE_HOME/http-request-timeout.configured" 2>/dev/null || rm "$(find $IMAGESTORE_HOME -maxdepth 2 -name http-request-timeout.configured)"
echo "as before: $( { $AS get $K-1.http.request-timeout-seconds; $AS get $K-2.http.request-timeout-seconds; } | grep = | sed "s/.*protocol.//" | tr '\n' ' ')"
./imagestore up > /tmp/u-up2.log 2>&1
echo "after up: $( { $AS get $K-1.http.request-timeout-seconds; $AS get $K-2.http.request-timeout-seconds; } | grep = | sed "s/.*protocol.//" | tr '\n' ' ')"
ls "$(dirname "$(find $IMAGESTORE_HOME -maxdepth 2 -name http-request-timeout.configured)")" | grep configured
./imagestore down > /dev/null 2>&1
