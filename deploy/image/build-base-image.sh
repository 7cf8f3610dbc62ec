#!/usr/bin/env bash
# Builds the gateway image's base from Debian's own packages, for machines that reach Debian's
# mirror but no container registry (and have no Docker daemon): debootstrap of bookworm (minbase)
# with openjdk-17-jre-headless and a non-root user `anomaly` (uid/gid 10001), packed as a
# `docker save`-format tarball that Jib takes as its base (`tar://...`). Real releases use the
# pinned eclipse-temurin:17-jre digest instead (deploy/pom.xml, property image.base).
#
# Usage (as root): deploy/image/build-base-image.sh [OUT.tar]
#   default OUT: out/base-image/debian-bookworm-jre17.tar; beside it OUT.packages lists every
#   package with its version (what the base holds), OUT.sha256 the tarball's digest.
# Runs for 3-6 min (download ~60 MB); skips the work when OUT exists (delete it to rebuild).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/out/base-image/debian-bookworm-jre17.tar}"
suite="${BASE_SUITE:-bookworm}"
mirror="${BASE_MIRROR:-http://deb.debian.org/debian}"
uid=10001

if [[ -f "$out" ]]; then
  echo "base image: $out exists; delete it to rebuild" >&2
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "base image: debootstrap and chroot need root; run as root (or sudo)" >&2
  exit 2
fi
if ! command -v debootstrap >/dev/null; then
  # a fresh machine may have no package lists yet: update once, then install
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends debootstrap \
    || { apt-get -o DPkg::Lock::Timeout=300 update -y \
         && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends debootstrap; }
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/anomaly-base.XXXXXX")"
cleanup() {
  for m in proc sys dev; do umount -l "$work/rootfs/$m" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
rootfs="$work/rootfs"

echo "base image: debootstrap $suite from $mirror" >&2
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates \
  "$suite" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -30 "$work/debootstrap.log" >&2; exit 1; }

chroot "$rootfs" groupadd --gid "$uid" anomaly
chroot "$rootfs" useradd --uid "$uid" --gid "$uid" --home-dir /home/anomaly --create-home \
  --shell /usr/sbin/nologin anomaly
# The JDK's launcher finds libjli.so through $ORIGIN, which needs /proc in the chroot.
mount -t proc proc "$rootfs/proc"
chroot "$rootfs" java -version 2>&1 | head -1 >&2
umount "$rootfs/proc"
mkdir -p "$(dirname "$out")"
chroot "$rootfs" dpkg-query -W -f '${Package}\t${Version}\n' >"$out.packages"

# What a runtime image does not need: package caches and lists, docs, man pages, device nodes
# (the runtime mounts /dev), logs of the bootstrap.
rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
  "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/var/log/* "$rootfs"/dev/* \
  "$rootfs"/debootstrap "$rootfs"/tmp/* "$rootfs"/var/tmp/*
chmod 1777 "$rootfs/tmp"

# One layer, reproducible: names sorted, fixed time, numeric owners.
layer="$work/layer.tar"
tar --sort=name --mtime=@0 --numeric-owner --xattrs -C "$rootfs" -cf "$layer" .
diff_id="sha256:$(sha256sum "$layer" | cut -d' ' -f1)"
java_home="$(cd "$rootfs" && ls -d usr/lib/jvm/java-17-openjdk-* | head -1)"
cat >"$work/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/$java_home","LANG=C.UTF-8"],
           "WorkingDir":"/","User":"$uid:$uid"},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/image/build-base-image.sh: debootstrap $suite minbase + openjdk-17-jre-headless"}]}
JSON
config_id="$(sha256sum "$work/config.json" | cut -d' ' -f1)"
mkdir -p "$work/archive/${diff_id#sha256:}"
mv "$layer" "$work/archive/${diff_id#sha256:}/layer.tar"
mv "$work/config.json" "$work/archive/$config_id.json"
printf '[{"Config":"%s.json","RepoTags":["barcode-anomaly/base:%s-jre17"],"Layers":["%s/layer.tar"]}]\n' \
  "$config_id" "$suite" "${diff_id#sha256:}" >"$work/archive/manifest.json"
# Entries named without a leading ./ (Jib refuses an entry named "./" as outside its destination).
(cd "$work/archive" && tar --sort=name --mtime=@0 --numeric-owner -cf "$out.partial" manifest.json \
  "$config_id.json" "${diff_id#sha256:}")
mv "$out.partial" "$out"
sha256sum "$out" | cut -d' ' -f1 >"$out.sha256"
echo "base image: $out ($(du -h "$out" | cut -f1), $(wc -l <"$out.packages") packages)" >&2
