#!/usr/bin/env bash
# package-scorm.sh — the portal as a SCORM 1.2 package for an LMS (Moodle, ...): build/siaga-scorm.zip
# holds every file of build/web/dist at its root (not the precompressed .br/.gz copies) and an
# imsmanifest.xml with one SCO per course of content/en. Each SCO launches the same portal on its
# course: index.html?scorm=1&course=<id>#/course/<id>; web/scorm.js then talks to the LMS.
# Usage: tools/package-scorm.sh [--no-build] [output.zip]
#   --no-build  reuse build/web/dist as it is (default: run tools/build-web.sh first, which is
#               incremental and quick when nothing changed)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=1
out="$root/build/siaga-scorm.zip"
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -*) echo "package-scorm: unknown option $arg" >&2; exit 2 ;;
    *) out=$(realpath -m "$arg") ;;
  esac
done
dist="$root/build/web/dist"
content="$root/content/en"

if [[ $build == 1 ]]; then "$root/tools/build-web.sh" >/dev/null; fi
for f in index.html siaga.wasm siaga.js scorm.js; do
  [[ -f "$dist/$f" ]] || { echo "package-scorm: $dist/$f is missing (build the portal first: tools/build-web.sh)" >&2; exit 1; }
done

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
(cd "$dist" && find . -maxdepth 1 -type f ! -name '*.br' ! -name '*.gz' -exec cp {} "$stage/" \;)
files=$(cd "$stage" && ls | LC_ALL=C sort)

xml_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g'; }

# The value of a front matter field of a course.md (the lines between the first two "---").
front_matter() { awk -v key="$2" 'NR == 1 && $0 != "---" { exit } NR > 1 && $0 == "---" { exit }
  NR > 1 && index($0, key ": ") == 1 { print substr($0, length(key) + 3); exit }' "$1"; }

items="" resources=""
for course_md in "$content"/*/course.md; do
  id=$(basename "$(dirname "$course_md")")
  [[ $id =~ ^[a-z0-9-]{1,64}$ ]] || { echo "package-scorm: '$id' is not a course id (content/en/$id)" >&2; exit 1; }
  title=$(front_matter "$course_md" title | xml_escape)
  [[ -n $title ]] || { echo "package-scorm: content/en/$id/course.md has no title:" >&2; exit 1; }
  items+="      <item identifier=\"item-$id\" identifierref=\"sco-$id\" isvisible=\"true\">
        <title>$title</title>
      </item>
"
  resources+="    <resource identifier=\"sco-$id\" type=\"webcontent\" adlcp:scormtype=\"sco\" href=\"index.html?scorm=1&amp;course=$id#/course/$id\">
$(for f in $files; do printf '      <file href="%s"/>\n' "$f"; done)
    </resource>
"
done
[[ -n $items ]] || { echo "package-scorm: no courses in $content" >&2; exit 1; }

cat > "$stage/imsmanifest.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="siaga" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="siaga-courses">
    <organization identifier="siaga-courses">
      <title>Siaga</title>
$items    </organization>
  </organizations>
  <resources>
$resources  </resources>
</manifest>
EOF
if command -v xmllint >/dev/null; then xmllint --noout "$stage/imsmanifest.xml"; fi

# Fixed dates and order, so the same files give the same zip.
find "$stage" -type f -exec touch -d '2000-01-01 00:00:00 UTC' {} +
mkdir -p "$(dirname "$out")"
rm -f "$out"
(cd "$stage" && LC_ALL=C ls | zip -q -X -9 "$out" -@)
echo "$out: $(stat -c %s "$out") bytes, $(wc -w <<<"$files") files + imsmanifest.xml, courses: $(cd "$content" && ls -d */ | tr -d / | tr '\n' ' ')"
