#!/bin/bash
# The cgroup-v2 test tier: build the VM (or reuse the cached one), boot it, run a guest script
# with this repo as its working directory, stream the guest's output, exit with its status.
# usage: test/vm/run-v2-tier.sh [/abs/guest-script]     (default: test/vm/guest-cgroups.sh)
# Environment: CONTAINER_LAB_VM_DIR (default /var/cache/container-lab-vm: it must survive between
# runs and lie outside /tmp /run /var/tmp /var/lib), V2TIMEOUT (seconds for the whole guest, default 3600).
# A guest that fails, hangs past V2TIMEOUT or never reports makes this exit non-zero.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
W=${CONTAINER_LAB_VM_DIR:-/var/cache/container-lab-vm}
SCRIPT=${1:-$REPO/test/vm/guest-cgroups.sh}
[ -d "$REPO/node_modules/vitest" ] || { echo "run npm ci first: the guest uses this repo's node_modules" >&2; exit 2; }
start=$SECONDS

"$REPO/test/vm/build.sh" "$W"
echo "booting the cgroup-v2 guest: $SCRIPT"
mkdir -p "$W/out"; rm -f "$W/out/log.txt"
V2TIMEOUT=${V2TIMEOUT:-3600} "$REPO/test/vm/run.sh" "$W" "$SCRIPT" "$REPO" & RUN=$!
# The guest writes its log through a shared folder: show it as it grows, until the VM is gone.
tail -n +1 -F --pid="$RUN" "$W/out/log.txt" 2>/dev/null || true
rc=0; wait "$RUN" || rc=$?
echo "cgroup-v2 tier: guest exit status $rc, $((SECONDS - start)) s in all"
exit "$rc"
