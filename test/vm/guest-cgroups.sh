#!/bin/bash
# Runs inside the cgroup-v2 VM (test/vm/run-v2-tier.sh boots it), on a kernel with only cgroup2
# mounted: the cgroup checks and the oracle tier, veth-bridge with every tool (profile v2), then
# every lesson on a bare host (profile v2-bare). One check per line; add new ones before `finish`.
. "$(dirname "$0")/guest-lib.sh"
guest_info

# The attendees' pre-flight (`doctor --workshop`, a few seconds) under paths of its own, which it
# creates and must remove: its last line must match $1 (and some line $2, if given), and no
# directory, cgroup, mount or link of it may be left.
workshop() {
  local out rc=0
  out=$(env CONTAINER_LAB_STATE_DIR=/var/lib/container-lab-pre CONTAINER_LAB_RUN_DIR=/run/container-lab-pre \
    CONTAINER_LAB_CGROUP_PARENT=container-lab-pre CONTAINER_LAB_LINK_PREFIX=clpre node dist/cli.js doctor --workshop) || rc=$?
  echo "$out"
  [ "$rc" -eq 0 ] && echo "$out" | tail -n 1 | grep -qE "$1" && echo "$out" | grep -qE "${2:-.}" &&
    [ ! -e /var/lib/container-lab-pre ] && [ ! -e /run/container-lab-pre ] && [ ! -e /sys/fs/cgroup/container-lab-pre ] &&
    ! grep -q container-lab-pre /proc/self/mountinfo && ! ip -o link | grep -q ': clpre'
}

# One vitest run for the kernel tiers and the oracle: under emulation each vitest start costs about
# a minute (transform and collect), more than most of these files take to run. The oracle runs here
# for the lessons whose readings depend on the cgroup version (cgroups) or on the kernel's capability
# rules (capabilities); the other five read the same kernel interfaces on v1 and v2 and are held
# against the oracle on the host. The oracle also requires every step of its lessons to end done.
kernel_tiers_and_oracle() {
  local rc=0
  export ORACLE_LESSONS=cgroups,capabilities
  vitest test/cgroups/real.test.ts test/runtime/real.test.ts test/runtime/cgroupfs.real.test.ts \
    test/oracle/oracle.real.test.ts || rc=$?
  unset ORACLE_LESSONS
  return "$rc"
}
check "cgroup drivers, runtime kernel tier, /sys/fs/cgroup in a container (cgroup2, read-only), and the oracle (cgroups, capabilities: the lab against strace, lsns, findmnt, capsh, stat, getfattr) on cgroup v2" \
  kernel_tiers_and_oracle
# Profile (b): on a v2-only host with every tool CI installs, the lesson those tools change:
# veth-bridge publishes its port with nft (on the bare host below that step is skipped). cgroups and
# capabilities ran end to end above, every step done, in the oracle; pid-namespace,
# mount-namespace, overlay and whiteouts use no program the bare host lacks (their containers run
# the shipped busybox), so profile v2-bare below runs them on the same path.
check "profile v2: veth-bridge with nft, no step skipped or failed" node test/profiles/lessons.mjs v2 --only veth-bridge
check "doctor --workshop on cgroup v2: every lesson ready, nothing left" workshop ' cgroup v2 · 7 ready$'
# Profile (c), last (it removes programs): the same v2 host as bare as the README allows.
BARE_LACKS="busybox ping nft iptables capsh getfattr setcap"
check "bare host: only util-linux, iproute2 and Node" bare_host $BARE_LACKS
check "profile v2-bare: every lesson, skips only for a missing program, with its reason" \
  node test/profiles/lessons.mjs v2-bare --lacks "${BARE_LACKS// /,}"
check "doctor --workshop on the bare host: veth-bridge will skip publish, with its apt line" \
  workshop ' · 6 ready, 1 will skip 1 step$' '^ {6}publish: .*`(sudo )?apt install nftables`'

finish
