#!/usr/bin/env bash
# Proves that the gateway image runs, with no container engine: unpacks the OCI image tarball that
# `mvn -Pimage package` wrote into a root filesystem, mounts it read-only (as Kubernetes'
# readOnlyRootFilesystem) with a tmpfs on /tmp and the API key where the Secret would be, then
# starts the image's own Entrypoint + Cmd, environment, working directory and user (10001, not
# root) in a chroot, in a mount namespace of its own. It checks /health, /ready (every bundled
# detector self-tested), a scored contract request on the rule and LSTM routes (ONNX Runtime's
# native library loads from the tmpfs), a request without the key refused, /metrics, and a
# graceful stop on SIGTERM; it prints the image size and the start-to-ready time.
#
# Usage (as root: chroot and mounts): deploy/image/run-proof.sh [IMAGE.tar]
#   default IMAGE: deploy/target/gateway-image.tar. Binds 127.0.0.1 on a free port.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
image="${1:-$root/deploy/target/gateway-image.tar}"
request="$root/docs/reference/legacy_request_example.json"
key="run-proof-key-$$"

fail() { echo "run proof: FAILED: $*" >&2; [[ -f "${log:-}" ]] && tail -30 "$log" >&2; exit 1; }
[[ $(id -u) -eq 0 ]] || fail "chroot and mounts need root"
[[ -f "$image" ]] || fail "$image is missing; build it with: mvn -B -ntp -Pimage package -pl deploy -am"
install_tool() {
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "$1" >/dev/null \
    || { apt-get -o DPkg::Lock::Timeout=300 update -y >/dev/null \
         && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "$1" >/dev/null; }
}
for tool in jq curl unshare chroot; do
  command -v "$tool" >/dev/null || install_tool "$tool"
done

work="$(mktemp -d "${TMPDIR:-/tmp}/anomaly-run-proof.XXXXXX")"
pid=""
cleanup() {
  [[ -n "$pid" ]] && kill -KILL "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
oci="$work/oci"; rootfs="$work/rootfs"; log="$work/gateway.log"
mkdir -p "$oci" "$rootfs"
tar -xf "$image" -C "$oci"

blob() { echo "$oci/blobs/${1/://}"; }
manifest="$(blob "$(jq -r '.manifests[0].digest' "$oci/index.json")")"
config="$(blob "$(jq -r '.config.digest' "$manifest")")"
for layer in $(jq -r '.layers[].digest' "$manifest"); do
  tar --warning=no-unknown-keyword -xzf "$(blob "$layer")" -C "$rootfs"
done
[[ -z "$(find "$rootfs" -name '.wh.*' -print -quit)" ]] || fail "the image has whiteout files; this proof does not apply them"

user="$(jq -r '.config.User' "$config")"
[[ -n "$user" && "${user%%:*}" != "0" && "${user%%:*}" != "root" ]] || fail "the image runs as root (User '$user')"
workdir="$(jq -r '.config.WorkingDir // "/"' "$config")"
mapfile -t env < <(jq -r '.config.Env[]' "$config")
mapfile -t command < <(jq -r '(.config.Entrypoint // []) + (.config.Cmd // []) | .[]' "$config")

# What Kubernetes mounts: the Secret's api-keys file (the image's own configuration reads it).
mkdir -p "$rootfs/etc/anomaly/keys"
echo "$key" >"$rootfs/etc/anomaly/keys/api-keys"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || shuf -i 20000-60000 -n 1)"

size_compressed=$(stat -c %s "$image")
size_unpacked=$(du -sb "$rootfs" | cut -f1)

# The image's command, with the address overridden as a pod's args would: loopback, free port.
start_ns=$(date +%s%N)
unshare --mount --propagation private sh -c '
  r="$1"; shift
  mount --bind "$r" "$r" && mount -o remount,bind,ro "$r"
  mount -t proc proc "$r/proc"
  mount --bind /dev "$r/dev"
  mount -t tmpfs -o mode=1777,size=512m tmpfs "$r/tmp"
  exec "$@"' proof "$rootfs" \
  chroot --userspec="$user" "$rootfs" env -i -C "$workdir" "${env[@]}" \
  "${command[@]}" --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
pid=$!

base="http://127.0.0.1:$port"
ready=""
for _ in $(seq 1 240); do
  kill -0 "$pid" 2>/dev/null || fail "the gateway exited before it was ready"
  if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/ready")" == 200 ]]; then ready=yes; break; fi
  sleep 0.25
done
[[ -n "$ready" ]] || fail "/ready did not answer 200 within 60 s: $(curl -s "$base/ready")"
ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))

health="$(curl -sf "$base/health")" || fail "/health did not answer 200"
[[ "$(jq -r .status <<<"$health")" == UP ]] || fail "/health answered $health"
for route in "" /lstm; do
  answer="$work/answer.json"
  code="$(curl -s -o "$answer" -w '%{http_code}' -H "X-API-Key: $key" -H 'Content-Type: application/json' \
    --data-binary @"$request" "$base/api/manager/export-and-analyze-async$route")"
  [[ "$code" == 200 ]] || fail "POST ${route:-/ (rule)} answered $code: $(cat "$answer")"
  [[ "$(jq 'has("warning")' "$answer")" == false ]] || fail "route ${route:-rule} fell back: $(jq -r .warning "$answer")"
  echo "run proof: ${route:-/rule} scored $(jq '[.. | objects | select(has("eventId"))] | length' "$answer") events, method $(jq -r '.method' "$answer")" >&2
done
code="$(curl -s -o /dev/null -w '%{http_code}' --data-binary @"$request" "$base/api/manager/export-and-analyze-async")"
[[ "$code" == 401 ]] || fail "a request without the API key answered $code, not 401"
# Into a file first: grep -q closing the pipe early would fail curl (and the pipeline) with SIGPIPE.
curl -sf -o "$work/metrics.txt" "$base/metrics" || fail "/metrics did not answer 200"
grep -q '^gateway_events_scored_total' "$work/metrics.txt" || fail "/metrics has no gateway_events_scored_total"

stop_ns=$(date +%s%N)
kill -TERM "$pid"
status=0
for _ in $(seq 1 180); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
kill -0 "$pid" 2>/dev/null && fail "the gateway still runs 45 s after SIGTERM"
wait "$pid" || status=$?
pid=""
stop_ms=$(( ($(date +%s%N) - stop_ns) / 1000000 ))
grep -q "anomaly serve: stopped$" "$log" || fail "no clean stop in the log (exit status $status)"

echo "run proof: passed: user $user, read-only root, image $((size_compressed / 1048576)) MiB" \
  "(tarball, gzip layers), $((size_unpacked / 1048576)) MiB unpacked; start to ready ${ready_ms} ms;" \
  "SIGTERM to exit ${stop_ms} ms (status $status)"
