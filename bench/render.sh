#!/usr/bin/env bash
# Render benchmark: a 320-px-wide JPEG thumbnail of a 12-megapixel JPEG, on the same file in the same run, made by
#   - imagestore's engine in-process, in a warm JVM (ms per thumbnail on one thread, median and p90; thumbnails/s
#     with 2 threads),
#   - libvips in one warm process: sharp (bench/sharp/thumbnails.js), the same measurements (one libvips thread per
#     thumbnail; thumbnails/s with 2 in flight): the like-for-like peer,
#   - libvips' vipsthumbnail, a new process per thumbnail as a CLI user would run it (process start-up and library
#     loading included in every figure); thumbnails/s with 2 processes at a time,
# then the ratios.
#
# usage: bench/render.sh [PHOTO.jpg]
#   without PHOTO: the 12 MP reference photo of bench/fetch-photos.sh (fetched if missing); if that fails, a
#   synthetic 4000x3000 photo-like JPEG (noise + gradients + edges, quality 90), and the output says so.
# env: WIDTH (320), ITERATIONS (100), WARMUP (40), THREADS (2), VIPS_RUNS (30), JAVA_HOME (Temurin 25 if present),
#      RAW_DIR (keep the raw key=value outputs there: imagestore.txt, sharp.txt, vipsthumbnail.txt; default: not kept)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
WIDTH=${WIDTH:-320}
ITERATIONS=${ITERATIONS:-100}
WARMUP=${WARMUP:-40}
THREADS=${THREADS:-2}
VIPS_RUNS=${VIPS_RUNS:-30}
if [[ -z ${JAVA_HOME:-} && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
raw=${RAW_DIR:-$work}
mkdir -p "$raw"
log() { printf '%s\n' "$*" >&2; }

# --- the input -------------------------------------------------------------------------------------------------
photo=${1:-}
if [[ -z $photo ]]; then
  photo=$(ls "$here"/target/photos/large/12mp-*.jpg 2>/dev/null | head -1 || true)
  if [[ -z $photo && -x $here/fetch-photos.sh ]]; then
    log "render.sh: fetching the reference photos (bench/fetch-photos.sh)"
    "$here/fetch-photos.sh" >&2 || log "render.sh: fetch-photos.sh failed"
    photo=$(ls "$here"/target/photos/large/12mp-*.jpg 2>/dev/null | head -1 || true)
  fi
fi

# --- build (and sharp, installed under bench/target/sharp) -----------------------------------------------------------------------------------------------------
log "render.sh: building the bench module"
(cd "$root" && mvn -q -B -pl bench -am package -DskipTests) >&2
cp="$root/bench/target/classes:$root/bench/target/lib/*"
"$here/sharp/install.sh"

if [[ -z $photo ]]; then
  log "render.sh: no real photo available: using a synthetic 4000x3000 JPEG"
  input_args=()
  kind="synthetic 4000x3000 photo-like JPEG (noise + gradients + edges, q90)"
else
  input_args=(--input "$photo")
  kind="real photo"
fi

# --- imagestore, in-process ------------------------------------------------------------------------------------
"$java" -cp "$cp" org.imagestore.bench.render.RenderBenchmark "${input_args[@]}" --width "$WIDTH" \
  --warmup "$WARMUP" --iterations "$ITERATIONS" --threads "$THREADS" | tee "$raw/imagestore.txt"
value() { sed -n "s/^$1=//p" "$raw/${2:-imagestore}.txt" | tail -1; }   # value <key> [imagestore|sharp|vipsthumbnail]
[[ -z $photo ]] && photo=$(value input)
java_ms=$(value ms_median)

# --- sharp: libvips in one warm process ------------------------------------------------------------------------
node "$here/sharp/thumbnails.js" --input "$photo" --width "$WIDTH" --warmup "$WARMUP" --iterations "$ITERATIONS" \
  --threads "$THREADS" | tee "$raw/sharp.txt"
sharp_ms=$(value ms_median sharp)

# --- vipsthumbnail, a process per thumbnail ---------------------------------------------------------------------
if ! command -v vipsthumbnail >/dev/null; then
  log "render.sh: installing libvips-tools"
  apt-get install -y libvips-tools >&2 || { apt-get update >&2 && apt-get install -y libvips-tools >&2; }
fi
vips_cmd="vipsthumbnail '$photo' --size ${WIDTH}x -o '$work/vips.jpg[Q=85]'"
vips_version=$(vipsthumbnail --vips-version 2>/dev/null || vips --version)
echo "vips=$vips_version"
vips_p90=
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 3 --runs "$VIPS_RUNS" --export-json "$work/vips.json" "$vips_cmd" >&2
  vips_ms=$(python3 -c "import json,statistics;r=json.load(open('$work/vips.json'))['results'][0]['times'];print('%.1f'%(statistics.median(r)*1000))")
  how="hyperfine, $VIPS_RUNS runs"
else
  for _ in 1 2 3; do eval "$vips_cmd"; done # warm the page cache
  for ((i = 0; i < VIPS_RUNS; i++)); do
    start=$(date +%s%N); eval "$vips_cmd"; end=$(date +%s%N)
    echo $(( (end - start) / 1000 ))
  done | sort -n > "$work/vips.us"
  vips_ms=$(awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}' "$work/vips.us")
  vips_p90=$(awk '{a[NR]=$1} END {i=int(NR*0.9+0.999); printf "%.1f", a[i]/1000}' "$work/vips.us")
  how="shell loop, $VIPS_RUNS runs, p90 ${vips_p90} ms"
fi
# thumbnails/s with $THREADS processes at a time, as many as the others make (VIPS_RUNS x THREADS)
total=$((VIPS_RUNS * THREADS))
start=$(date +%s%N)
seq "$total" | xargs -P "$THREADS" -I{} vipsthumbnail "$photo" --size "${WIDTH}x" -o "$work/vips-{}.jpg[Q=85]"
end=$(date +%s%N)
vips_per_s=$(awk -v n="$total" -v ns="$((end - start))" 'BEGIN {printf "%.1f", n / (ns / 1e9)}')
[[ $(ls "$work"/vips-*.jpg | wc -l) == "$total" ]] || { log "render.sh: vipsthumbnail made too few thumbnails"; exit 1; }
{
  echo "input=$photo"
  echo "libvips=$(grep -oE '[0-9]+\.[0-9]+(\.[0-9]+)?' <<<"$vips_version" | head -1)"
  echo "how=$how"
  echo "ms_median=$vips_ms"
  echo "ms_p90=$vips_p90"
  echo "threads=$THREADS"
  echo "thumbnails_per_s=$vips_per_s"
} | tee "$raw/vipsthumbnail.txt"

# "imagestore takes 0.59x the time of X (1.70x faster)"; thumbnails/s as a multiple of X's
compare() { # compare <imagestore ms> <other ms> <imagestore per s> <other per s> <name>
  awk -v j="$1" -v o="$2" -v jt="$3" -v ot="$4" -v name="$5" -v threads="$THREADS" 'BEGIN {
    printf "imagestore takes %.2fx the time of %s (%.2fx %s) and makes %.2fx its thumbnails/s with %s at a time\n",
      j / o, name, (j <= o ? o / j : j / o), (j <= o ? "faster" : "slower"), jt / ot, threads }'
}
echo
echo "input:          $photo ($kind)"
echo "imagestore:     ${java_ms} ms median, $(value ms_p90) ms p90 per thumbnail (1 thread, in-process, warm JVM);" \
     "$(value thumbnails_per_s) thumbnails/s with $(value threads) threads"
echo "sharp:          ${sharp_ms} ms median, $(value ms_p90 sharp) ms p90 per thumbnail (1 libvips thread, one warm" \
     "process; sharp $(value sharp sharp), libvips $(value libvips sharp)); $(value thumbnails_per_s sharp) thumbnails/s with" \
     "$(value threads sharp) in flight"
echo "vipsthumbnail:  ${vips_ms} ms median per thumbnail (a new process each, start-up included; $vips_version; $how);" \
     "$vips_per_s thumbnails/s with $THREADS processes at a time"
echo "ratio, sharp:          $(compare "$java_ms" "$sharp_ms" "$(value thumbnails_per_s)" "$(value thumbnails_per_s sharp)" "sharp")"
echo "ratio, vipsthumbnail:  $(compare "$java_ms" "$vips_ms" "$(value thumbnails_per_s)" "$vips_per_s" "vipsthumbnail")"
