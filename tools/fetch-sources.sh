#!/usr/bin/env bash
# Fetches the pinned Debian source packages listed in cmake/sources.lock into build/_deps and unpacks
# their upstream tarballs there. Uses a private apt configuration (its own source list, lists and
# cache under build/_deps/apt), so the machine's apt settings are never touched.
#
# Trust chain: apt checks the InRelease signature against Debian's archive keyring, the Sources index
# against the Release hashes, and each downloaded file against the Sources index. We then check the
# upstream tarball once more against the Checksums-Sha256 field of the .dsc before unpacking it.
# Debian's mirror here sometimes lacks a package's debian.tar.xz (packaging only, not needed to build
# the upstream code); that missing file is tolerated, a missing or mismatched upstream tarball is not.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
deps="$root/build/_deps"
apt_dir="$deps/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$deps/dl"

keyring=/usr/share/keyrings/debian-archive-keyring.gpg
cat > "$apt_dir/sources.list" <<LIST
deb-src [signed-by=$keyring] http://deb.debian.org/debian bookworm main
deb-src [signed-by=$keyring] http://deb.debian.org/debian trixie main
LIST
apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=/nonexistent"
          -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o "Debug::NoLocking=1"
          -o "APT::Sandbox::User=root")

need_update=1
while read -r pkg version _; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  stamp="$deps/$pkg-$version.unpacked"
  [[ -f "$stamp" ]] && continue
  if (( need_update )); then
    echo "fetch-sources: updating the private source index"
    apt-get "${apt_opts[@]}" -q update >/dev/null
    need_update=0
  fi
  echo "fetch-sources: $pkg=$version"
  (cd "$deps/dl" && apt-get "${apt_opts[@]}" -q source --download-only "$pkg=$version" >/dev/null 2>&1) || true
  upstream=${version%-*}
  dsc="$deps/dl/${pkg}_${version}.dsc"
  [[ -f "$dsc" ]] || { echo "fetch-sources: could not fetch $dsc from Debian's archive" >&2; exit 1; }
  tarball=$(awk '/^Checksums-Sha256:/{f=1;next} /^[^ ]/{f=0} f && $3 ~ /\.orig\.tar\./ {print $3}' "$dsc")
  want=$(awk '/^Checksums-Sha256:/{f=1;next} /^[^ ]/{f=0} f && $3 ~ /\.orig\.tar\./ {print $1}' "$dsc")
  [[ -n "$tarball" && -f "$deps/dl/$tarball" ]] || { echo "fetch-sources: upstream tarball of $pkg missing" >&2; exit 1; }
  got=$(sha256sum "$deps/dl/$tarball" | cut -d' ' -f1)
  [[ "$got" == "$want" ]] || { echo "fetch-sources: $tarball sha256 $got does not match the .dsc ($want)" >&2; exit 1; }
  rm -rf "$deps/$pkg" "$deps/$pkg.tmp" && mkdir -p "$deps/$pkg.tmp"
  tar -xf "$deps/dl/$tarball" -C "$deps/$pkg.tmp"
  mv "$deps/$pkg.tmp"/* "$deps/$pkg" && rmdir "$deps/$pkg.tmp"
  echo "$upstream $got" > "$stamp"
done < "$root/cmake/sources.lock"
echo "fetch-sources: all sources present in $deps"
