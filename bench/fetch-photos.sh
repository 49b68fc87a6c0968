#!/usr/bin/env bash
# Fetches the benchmark photo set: 55 real, freely licensed JPEG photographs (57.5 MiB), four of them 12-megapixel
# phone photos (4000x3000), taken out of Debian packages (apt-get download + dpkg-deb -x, nothing is installed)
# and one test jar fetched through Maven itself (mvn dependency:copy, from whichever repository Maven is configured
# to use on this machine). Sources and licences: bench/PHOTOS.md. The set is not kept in git.
#
# usage: bench/fetch-photos.sh [OUT_DIR]        (default: bench/target/photos)
#   OUT_DIR/*.jpg               the photos, named <source>--<original name>.jpg
#   OUT_DIR/large/12mp-*.jpg    the 12-megapixel reference photo (a hard link to one of the above)
#   OUT_DIR/MANIFEST.tsv        one row per photo: file, bytes, width, height, source, path inside, licence, author
# env: PHOTO_CACHE=DIR   keep the downloaded .deb/.jar files there and reuse them (default: a temp dir, deleted)
#
# Idempotent: when OUT_DIR holds a complete set of this version, the script only prints the summary.
# Needs: bash, apt-get, dpkg-deb, mvn (and a JDK), unzip (or the JDK's jar), file (optional, for the dimensions).
set -euo pipefail

SET_VERSION=1   # bump whenever the list below changes
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
OUT=${1:-$here/target/photos}
CI_JAR=org.apache.commons:commons-imaging:1.0.0-alpha6:jar:tests   # groupId:artifactId:version:packaging:classifier
LARGE=forensics--IMG_20200608_111614.jpg   # Xiaomi Mi A3, 4000x3000, EXIF with GPS

# kind|artifact|path inside|output name|licence|author
PHOTOS=(
# Debian forensics-samples-files: phone and compact-camera photos with full EXIF (4 x 12 MP, 3 with GPS)
"deb|forensics-samples-files|usr/share/forensics-samples/original-files/pic2/IMG_20200608_111614.jpg|forensics--IMG_20200608_111614.jpg|CC-BY-SA-4.0|Joao Eriberto Mota Filho"
"deb|forensics-samples-files|usr/share/forensics-samples/original-files/pic2/IMG_20200124_231153.jpg|forensics--IMG_20200124_231153.jpg|CC-BY-SA-4.0|Joao Eriberto Mota Filho"
"deb|forensics-samples-files|usr/share/forensics-samples/original-files/pic2/IMG_20191224_234846.jpg|forensics--IMG_20191224_234846.jpg|CC-BY-SA-4.0|Joao Eriberto Mota Filho"
"deb|forensics-samples-files|usr/share/forensics-samples/original-files/pic1/IMG_20200827_231612.jpg|forensics--IMG_20200827_231612.jpg|CC-BY-SA-4.0|Joao Eriberto Mota Filho"
"deb|forensics-samples-files|usr/share/forensics-samples/original-files/pic1/IMG_1054.JPG|forensics--IMG_1054.jpg|CC-BY-SA-4.0|Joao Eriberto Mota Filho"
"deb|forensics-samples-files|usr/share/forensics-samples/original-files/pic1/IMG-20191006-WA0002.jpg|forensics--IMG-20191006-WA0002.jpg|CC-BY-SA-4.0|Joao Eriberto Mota Filho"
# Debian lomiri-wallpapers-16.04 / -20.04: large photographs (no EXIF), 3-20 MP
"deb|lomiri-wallpapers-16.04|usr/share/backgrounds/Bridge_by_Sander_Klootwijk.jpg|lomiri--Bridge_by_Sander_Klootwijk.jpg|CC-BY-SA-4.0|Sander Klootwijk"
"deb|lomiri-wallpapers-16.04|usr/share/backgrounds/Dragonfly_by_Bolly.jpg|lomiri--Dragonfly_by_Bolly.jpg|CC-BY-SA-4.0|Bolly"
"deb|lomiri-wallpapers-16.04|usr/share/backgrounds/Picture_0B_by_freespace.jpg|lomiri--Picture_0B_by_freespace.jpg|CC-BY-4.0|Trevor \"Freespace\""
"deb|lomiri-wallpapers-16.04|usr/share/backgrounds/Picture_1A_by_freespace.jpg|lomiri--Picture_1A_by_freespace.jpg|CC-BY-4.0|Trevor \"Freespace\""
"deb|lomiri-wallpapers-16.04|usr/share/backgrounds/Wine_by_Jakkub_Mede.jpg|lomiri--Wine_by_Jakkub_Mede.jpg|CC-BY-4.0|Jakub Mede"
"deb|lomiri-wallpapers-16.04|usr/share/backgrounds/aitzgorri_by_Aitzol_Berasategi.jpg|lomiri--aitzgorri_by_Aitzol_Berasategi.jpg|CC-BY-4.0|Aitzol Berasategi"
"deb|lomiri-wallpapers-16.04|usr/share/backgrounds/free_by_Peter_Nerlich.jpg|lomiri--free_by_Peter_Nerlich.jpg|CC-BY-SA-4.0|Peter Nerlich"
"deb|lomiri-wallpapers-16.04|usr/share/backgrounds/friends_by_Aitzol_Berasategi.jpg|lomiri--friends_by_Aitzol_Berasategi.jpg|CC-BY-4.0|Aitzol Berasategi"
"deb|lomiri-wallpapers-16.04|usr/share/backgrounds/greentock_by_Peter_Nerlich.jpg|lomiri--greentock_by_Peter_Nerlich.jpg|CC-BY-SA-4.0|Peter Nerlich"
"deb|lomiri-wallpapers-16.04|usr/share/backgrounds/life_by_Aitzol_Berasategi.jpg|lomiri--life_by_Aitzol_Berasategi.jpg|CC-BY-4.0|Aitzol Berasategi"
"deb|lomiri-wallpapers-16.04|usr/share/backgrounds/picosdeeuropa_by_Aitzol_Berasategi.jpg|lomiri--picosdeeuropa_by_Aitzol_Berasategi.jpg|CC-BY-4.0|Aitzol Berasategi"
"deb|lomiri-wallpapers-16.04|usr/share/backgrounds/seeding_by_Clements_Engelhardt.jpg|lomiri--seeding_by_Clements_Engelhardt.jpg|CC0-1.0|Clemens Engelhardt"
"deb|lomiri-wallpapers-16.04|usr/share/backgrounds/sunset_by_Aitzol_Berasategi.jpg|lomiri--sunset_by_Aitzol_Berasategi.jpg|CC-BY-4.0|Aitzol Berasategi"
"deb|lomiri-wallpapers-20.04|usr/share/backgrounds/Kleiber_by_Lukas_Baubkus.jpg|lomiri--Kleiber_by_Lukas_Baubkus.jpg|CC-BY-SA-3.0|Lukas Baubkus"
# Debian mate-backgrounds: nature photographs, some with camera EXIF
"deb|mate-backgrounds|usr/share/backgrounds/mate/nature/Aqua.jpg|mate--Aqua.jpg|GPL-2+|Charles Barbin"
"deb|mate-backgrounds|usr/share/backgrounds/mate/nature/Blinds.jpg|mate--Blinds.jpg|GPL-2+|Lennart Poettering"
"deb|mate-backgrounds|usr/share/backgrounds/mate/nature/Dune.jpg|mate--Dune.jpg|GPL-2+|Marco Cogoni"
"deb|mate-backgrounds|usr/share/backgrounds/mate/nature/FreshFlower.jpg|mate--FreshFlower.jpg|GPL-2+|Jens Ansorg"
"deb|mate-backgrounds|usr/share/backgrounds/mate/nature/Garden.jpg|mate--Garden.jpg|GPL-2+|Charles Barbin"
"deb|mate-backgrounds|usr/share/backgrounds/mate/nature/GreenMeadow.jpg|mate--GreenMeadow.jpg|GPL-2+|Timothy Schellhase"
"deb|mate-backgrounds|usr/share/backgrounds/mate/nature/LadyBird.jpg|mate--LadyBird.jpg|GPL-2+|Charles Barbin"
"deb|mate-backgrounds|usr/share/backgrounds/mate/nature/RainDrops.jpg|mate--RainDrops.jpg|GPL-2+|blackcombwhistler07"
"deb|mate-backgrounds|usr/share/backgrounds/mate/nature/Storm.jpg|mate--Storm.jpg|GPL-2+|Sergey Nazarov"
"deb|mate-backgrounds|usr/share/backgrounds/mate/nature/TwoWings.jpg|mate--TwoWings.jpg|GPL-2+|Charles Barbin"
"deb|mate-backgrounds|usr/share/backgrounds/mate/nature/Wood.jpg|mate--Wood.jpg|GPL-2+|Jean-Francois Fortin Tam"
"deb|mate-backgrounds|usr/share/backgrounds/mate/nature/YellowFlower.jpg|mate--YellowFlower.jpg|GPL-2+|Charles Barbin"
# Debian mate-screensaver-common: space photographs (NASA/ESA imagery as shipped by MATE)
"deb|mate-screensaver-common|usr/share/backgrounds/cosmos/blue-marble-west.jpg|cosmos--blue-marble-west.jpg|GPL-2+ or LGPL-2+ (as stated by Debian)|NASA imagery"
"deb|mate-screensaver-common|usr/share/backgrounds/cosmos/cloud.jpg|cosmos--cloud.jpg|GPL-2+ or LGPL-2+ (as stated by Debian)|NASA/ESA imagery"
"deb|mate-screensaver-common|usr/share/backgrounds/cosmos/comet.jpg|cosmos--comet.jpg|GPL-2+ or LGPL-2+ (as stated by Debian)|NASA imagery"
"deb|mate-screensaver-common|usr/share/backgrounds/cosmos/earth-horizon.jpg|cosmos--earth-horizon.jpg|GPL-2+ or LGPL-2+ (as stated by Debian)|NASA imagery"
"deb|mate-screensaver-common|usr/share/backgrounds/cosmos/galaxy-ngc3370.jpg|cosmos--galaxy-ngc3370.jpg|GPL-2+ or LGPL-2+ (as stated by Debian)|NASA/ESA imagery"
"deb|mate-screensaver-common|usr/share/backgrounds/cosmos/helix-nebula.jpg|cosmos--helix-nebula.jpg|GPL-2+ or LGPL-2+ (as stated by Debian)|NASA/ESA imagery"
"deb|mate-screensaver-common|usr/share/backgrounds/cosmos/sombrero.jpg|cosmos--sombrero.jpg|GPL-2+ or LGPL-2+ (as stated by Debian)|NASA/ESA imagery"
"deb|mate-screensaver-common|usr/share/backgrounds/cosmos/whirlpool.jpg|cosmos--whirlpool.jpg|GPL-2+ or LGPL-2+ (as stated by Debian)|NASA/ESA imagery"
# Debian plasma-workspace-wallpapers: 2560x1600 photographs, most with camera EXIF (Olympus E-M1, Canon EOS 70D, ...)
"deb|plasma-workspace-wallpapers|usr/share/wallpapers/BytheWater/contents/images/2560x1600.jpg|plasma--BytheWater.jpg|GPL-2+ (Debian) / LGPLv3 (upstream metadata)|Maciej Wiklo"
"deb|plasma-workspace-wallpapers|usr/share/wallpapers/ColdRipple/contents/images/2560x1600.jpg|plasma--ColdRipple.jpg|GPL-2+ (Debian) / LGPLv3 (upstream metadata)|Risto Saukonpaa"
"deb|plasma-workspace-wallpapers|usr/share/wallpapers/ColorfulCups/contents/images/2560x1600.jpg|plasma--ColorfulCups.jpg|GPL-2+ (Debian) / LGPLv3 (upstream metadata)|Dmitri Popov"
"deb|plasma-workspace-wallpapers|usr/share/wallpapers/DarkestHour/contents/images/2560x1600.jpg|plasma--DarkestHour.jpg|GPL-2+ (Debian) / LGPLv3 (upstream metadata)|Risto Saukonpaa"
"deb|plasma-workspace-wallpapers|usr/share/wallpapers/EveningGlow/contents/images/2560x1600.jpg|plasma--EveningGlow.jpg|GPL-2+ (Debian) / LGPLv3 (upstream metadata)|Ian Hex"
"deb|plasma-workspace-wallpapers|usr/share/wallpapers/FallenLeaf/contents/images/2560x1600.jpg|plasma--FallenLeaf.jpg|GPL-2+ (Debian) / LGPLv3 (upstream metadata)|Martin Klapetek"
"deb|plasma-workspace-wallpapers|usr/share/wallpapers/Grey/contents/images/2560x1600.jpg|plasma--Grey.jpg|GPL-2+ (Debian) / LGPLv3 (upstream metadata)|Sigi Sagi"
"deb|plasma-workspace-wallpapers|usr/share/wallpapers/Kite/contents/images/2560x1600.jpg|plasma--Kite.jpg|GPL-2+ (Debian) / LGPLv3 (upstream metadata)|Risto Saukonpaa"
"deb|plasma-workspace-wallpapers|usr/share/wallpapers/OneStandsOut/contents/images/2560x1600.jpg|plasma--OneStandsOut.jpg|GPL-2+ (Debian) / LGPLv3 (upstream metadata)|Risto Saukonpaa"
"deb|plasma-workspace-wallpapers|usr/share/wallpapers/Path/contents/images/2560x1600.jpg|plasma--Path.jpg|GPL-2+ (Debian) / LGPLv3 (upstream metadata)|Risto Saukonpaa"
"deb|plasma-workspace-wallpapers|usr/share/wallpapers/summer_1am/contents/images/2560x1600.jpg|plasma--summer_1am.jpg|GPL-2+ (Debian) / LGPLv3 (upstream metadata)|Risto Saukonpaa"
# Maven artifact org.apache.commons:commons-imaging:1.0.0-alpha6:tests: camera originals contributed to the ASF project
"mvn|$CI_JAR|data/images/jpg/1/Nikon D50 - 2007.12.19.n.DSC_3656.JPG|commons-imaging--Nikon_D50_DSC_3656.jpg|Apache-2.0|Charles Matthew Chen"
"mvn|$CI_JAR|data/images/jpg/1/Canon Powershot SD750 - 2007.12.26.n.IMG_3704.JPG|commons-imaging--Canon_SD750_IMG_3704.jpg|Apache-2.0|Charles Matthew Chen"
"mvn|$CI_JAR|data/images/jpg/1/Oregon Scientific DS6639 - DSC_0307.JPG|commons-imaging--Oregon_DS6639_DSC_0307.jpg|Apache-2.0|Charles Matthew Chen"
"mvn|$CI_JAR|data/images/jpg/2/2008-07-27+-+Photo+216+-+WE+a+l'etang+de+Blodelsheim.jpg|commons-imaging--Panasonic_LX2_Blodelsheim.jpg|Apache-2.0|jncharli (contributor)"
)

log() { printf '%s\n' "$*" >&2; }
die() { log "fetch-photos: $*"; exit 1; }

expected_names() { local e; for e in "${PHOTOS[@]}"; do IFS='|' read -r _ _ _ name _ _ <<<"$e"; echo "$name"; done; }

summary() {
  local n bytes mb dims
  n=$(find "$OUT" -maxdepth 1 -type f -name '*.jpg' | wc -l)
  bytes=$(find "$OUT" -maxdepth 1 -type f -name '*.jpg' -printf '%s\n' | awk '{s+=$1} END {print s+0}')
  mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b/1048576}')
  dims=$(awk -F'\t' -v f="$LARGE" '$1==f {print $3"x"$4", "$2" bytes"}' "$OUT/MANIFEST.tsv")
  echo "photos: $n JPEG files, $mb MiB, in $OUT"
  echo "12 MP:  $(ls "$OUT"/large/12mp-*.jpg) ($dims)"
  echo "sources and licences: $OUT/MANIFEST.tsv, bench/PHOTOS.md"
}

complete() {
  [[ -f $OUT/.complete && $(cat "$OUT/.complete") == "$SET_VERSION" && -f $OUT/MANIFEST.tsv ]] || return 1
  local name; while read -r name; do [[ -s $OUT/$name ]] || return 1; done < <(expected_names)
  compgen -G "$OUT/large/12mp-*.jpg" >/dev/null
}

if complete; then echo "fetch-photos: already complete (set version $SET_VERSION)"; summary; exit 0; fi

for tool in apt-get dpkg-deb mvn; do command -v "$tool" >/dev/null || die "$tool is required"; done
unzip_entry() { # jar entry dest
  if command -v unzip >/dev/null; then
    # unzip treats the name as a pattern: escape the wildcard characters
    unzip -p "$1" "$(printf '%s' "$2" | sed 's/[][*?]/\\&/g')" > "$3"
  elif command -v jar >/dev/null; then
    local d; d=$(mktemp -d); (cd "$d" && jar xf "$1" "$2") && mv "$d/$2" "$3"; rm -rf "$d"
  else die "unzip or jar is required"; fi
}

mkdir -p "$OUT/large"
rm -f "$OUT/.complete"
# drop photos of an older version of the list
declare -A keep=(); while read -r name; do keep[$name]=1; done < <(expected_names)
for f in "$OUT"/*--*.jpg; do [[ -e $f && -z ${keep[$(basename "$f")]:-} ]] && rm -f "$f"; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cache=${PHOTO_CACHE:-$work/downloads}
mkdir -p "$cache"
# let apt's unprivileged _apt user write into our own temp dir (otherwise apt warns and downloads as root)
[[ -z ${PHOTO_CACHE:-} ]] && chmod 755 "$work" && chmod 777 "$cache"
cache=$(cd "$cache" && pwd)

# the packages and jars the list needs (an incomplete set is fetched again as a whole)
declare -A need_deb=() need_mvn=()
for e in "${PHOTOS[@]}"; do
  IFS='|' read -r kind art _ _ _ _ <<<"$e"
  if [[ $kind == deb ]]; then need_deb[$art]=1; else need_mvn[$art]=1; fi
done

declare -A deb_file=() deb_version=()
if ((${#need_deb[@]})); then
  missing=()
  for p in "${!need_deb[@]}"; do compgen -G "$cache/${p}_*.deb" >/dev/null || missing+=("$p"); done
  if ((${#missing[@]})); then
    log "fetch-photos: apt-get download ${missing[*]}"
    if ! (cd "$cache" && apt-get download -q "${missing[@]}" >&2); then
      [[ $(id -u) == 0 ]] || die "apt-get download failed (run 'apt-get update' as root first?)"
      log "fetch-photos: apt-get download failed; running apt-get update once"
      apt-get update -qq >&2
      (cd "$cache" && apt-get download -q "${missing[@]}" >&2) || die "apt-get download failed"
    fi
  fi
  for p in "${!need_deb[@]}"; do
    f=$(ls -t "$cache/${p}"_*.deb | head -1)
    deb_file[$p]=$f
    v=$(dpkg-deb -f "$f" Version)
    deb_version[$p]=$v
    log "fetch-photos: extracting $p $v"
    mkdir -p "$work/x/$p"
    dpkg-deb -x "$f" "$work/x/$p"
  done
fi

jar_name() { # jar_name group:artifact:version:packaging[:classifier] -> artifact-version[-classifier].packaging
  local g a v p c; IFS=: read -r g a v p c <<<"$1"
  echo "$a-$v${c:+-$c}.${p:-jar}"
}
declare -A mvn_file=()
for a in "${!need_mvn[@]}"; do
  f=$cache/$(jar_name "$a")
  if [[ ! -s $f ]]; then
    # through Maven itself: the repository (and local repository) this machine's Maven is configured with; run in
    # the project folder, non-recursively, so that the project's .mvn/ settings and plugin versions apply
    log "fetch-photos: mvn dependency:copy -Dartifact=$a"
    (cd "$root" && mvn -q -B -N dependency:copy -Dartifact="$a" -DoutputDirectory="$cache" >&2) \
      || die "mvn dependency:copy -Dartifact=$a failed"
    [[ -s $f ]] || die "mvn dependency:copy did not write $f"
  fi
  mvn_file[$a]=$f
done

for e in "${PHOTOS[@]}"; do
  IFS='|' read -r kind art path name _ _ <<<"$e"
  if [[ $kind == deb ]]; then
    src=$work/x/$art/$path
    [[ -e $src ]] || die "$art ${deb_version[$art]} has no /$path (package changed? update the list)"
    cp -L "$src" "$OUT/$name.part"
  else
    unzip_entry "${mvn_file[$art]}" "$path" "$OUT/$name.part" || die "$art has no $path"
  fi
  [[ $(head -c 3 "$OUT/$name.part" | od -An -tx1 | tr -d ' \n') == ffd8ff ]] || die "$name is not a JPEG"
  mv "$OUT/$name.part" "$OUT/$name"
done

# manifest: file, bytes, width, height, source, path inside, licence, author
{
  printf 'file\tbytes\twidth\theight\tsource\tpath\tlicence\tauthor\n'
  for e in "${PHOTOS[@]}"; do
    IFS='|' read -r kind art path name licence author <<<"$e"
    w=; h=
    if command -v file >/dev/null; then
      wh=$(file -b "$OUT/$name" | grep -oE ', [0-9]+x[0-9]+,' | tail -1 | tr -d ', ') || true
      w=${wh%x*}; h=${wh#*x}
    fi
    if [[ $kind == deb ]]; then
      src="debian:$art=${deb_version[$art]}"
    else
      src="maven:$(echo "$art" | awk -F: '{print $1":"$2":"$3":"$5}')"
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$(stat -c %s "$OUT/$name")" "$w" "$h" "$src" "$path" "$licence" "$author"
  done
} > "$OUT/MANIFEST.tsv.part"
mv "$OUT/MANIFEST.tsv.part" "$OUT/MANIFEST.tsv"

rm -f "$OUT"/large/12mp-*.jpg
ln "$OUT/$LARGE" "$OUT/large/12mp-xiaomi-mi-a3-4000x3000.jpg" 2>/dev/null || cp "$OUT/$LARGE" "$OUT/large/12mp-xiaomi-mi-a3-4000x3000.jpg"
echo "$SET_VERSION" > "$OUT/.complete"
summary
