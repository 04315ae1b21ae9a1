#!/bin/bash
# Runs inside the cgroup-v2 VM (test/vm/run-v2-tier.sh boots it), on a kernel with only cgroup2
# mounted: the cgroup checks, every lesson with every tool (profile v2), the oracle tier, then
# every lesson on a bare host (profile v2-bare). One check per line; add new ones before `finish`.
. "$(dirname "$0")/guest-lib.sh"
guest_info

check "cgroup drivers on the real kernel (v2)" vitest test/cgroups/real.test.ts
check "runtime kernel tier on cgroup v2" vitest test/runtime/real.test.ts
check "/sys/fs/cgroup inside a container: cgroup2, read-only (run and the lesson step)" vitest test/runtime/cgroupfs.real.test.ts
# Profile (b): every lesson end to end on a v2-only host with every tool CI installs. (The cgroups
# lesson's counters are held against the cgroup files by the oracle tier below.)
check "profile v2: every lesson, no step skipped or failed" node test/profiles/lessons.mjs v2
# The oracle, here, for the lessons whose readings depend on the cgroup version (cgroups) or on the
# kernel's capability rules (capabilities): the other five read the same kernel interfaces on v1
# and v2, are held against the oracle on the host, and run end to end above and below. (All seven
# cost 486 s here under TCG; these two about a third of it.)
export ORACLE_LESSONS=cgroups,capabilities
check "oracle tier on cgroup v2 ($ORACLE_LESSONS): the lab against strace, lsns, findmnt, capsh, stat, getfattr" \
  vitest test/oracle/oracle.real.test.ts
unset ORACLE_LESSONS
# Profile (c), last (it removes programs): the same v2 host as bare as the README allows.
BARE_LACKS="busybox ping nft iptables capsh getfattr setcap"
check "bare host: only util-linux, iproute2 and Node" bare_host $BARE_LACKS
check "profile v2-bare: every lesson, skips only for a missing program, with its reason" \
  node test/profiles/lessons.mjs v2-bare --lacks "${BARE_LACKS// /,}"

finish
