# Sourced by the guest-*.sh scripts, which run inside the cgroup-v2 VM with the repo as the
# working directory. A guest script is a list of checks, one line each:
#
#   check "what is checked" command args…
#   check "cgroup drivers on the real kernel" vitest test/cgroups/real.test.ts
#
# then `finish`, which prints the tally and fails if any check failed.
set -u
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp TMPDIR=/tmp NO_COLOR=1
# Inside the guest every kernel tier must run: a skipped one fails, as in CI.
export CI=1
# The guest boots with cgroup_no_v1=all; the cgroup tests assert it really is v2.
export CONTAINER_LAB_EXPECT_CGROUP_MODE=v2

GUEST_PASSED=0
GUEST_FAILED=0
GUEST_FAILURES=""

# Runs one check and records its outcome; the next check runs whatever happened.
check() {
  local name=$1; shift
  local start=$SECONDS
  echo "=== $name"
  if "$@"; then
    GUEST_PASSED=$((GUEST_PASSED + 1)); echo "=== PASS $name ($((SECONDS - start)) s)"
  else
    GUEST_FAILED=$((GUEST_FAILED + 1)); GUEST_FAILURES="$GUEST_FAILURES
  - $name"; echo "=== FAIL $name ($((SECONDS - start)) s)"
  fi
}

# vitest as the guest needs it: no result cache and no bundled-config temp file (the repo is the
# host's, seen through a throw-away overlay), and timeouts for emulation: a Node start costs ~2 s.
vitest() {
  node node_modules/vitest/vitest.mjs run --no-cache --configLoader runner --reporter=verbose \
    --testTimeout=180000 --hookTimeout=180000 "$@"
}

# The bare host the README describes: util-linux, iproute2 and Node, nothing else the lab can use.
# Removes the named programs (and every program of the packages that ship them) from the guest's
# root. That root is an overlay with a tmpfs upper, so each removal is a whiteout there: the
# host's files are untouched, and everything comes back at the next boot.
bare_host() {
  local name file pkg
  for pkg in busybox busybox-static iputils-ping nftables iptables libcap2-bin attr; do
    for file in $(dpkg -L "$pkg" 2>/dev/null | grep -E '^(/usr)?/s?bin/'); do rm -f "$file"; done
  done
  for name in "$@"; do
    while file=$(command -v "$name"); do rm -f "$file" || return 1; hash -r; done
  done
  echo "bare host: no $* on PATH; left: $(command -v nsenter ip node | tr '\n' ' ')"
}

# What the guest is, for the log.
guest_info() {
  echo "guest: kernel $(uname -r), $(nproc) CPUs, node $(node --version)"
  echo "guest: cgroup mounts: $(awk '$0 ~ / - cgroup2? /{print $5}' /proc/self/mountinfo | tr '\n' ' ')"
  echo "guest: cgroup2 controllers: $(cat /sys/fs/cgroup/cgroup.controllers)"
}

finish() {
  [ -z "$GUEST_FAILURES" ] || echo "failed checks:$GUEST_FAILURES"
  echo "guest: $GUEST_PASSED passed, $GUEST_FAILED failed"
  [ "$GUEST_FAILED" -eq 0 ] && [ "$GUEST_PASSED" -gt 0 ]
}
