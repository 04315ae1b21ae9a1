#!/bin/bash
# Runs inside the cgroup-v2 VM (test/vm/run-v2-tier.sh boots it): the cgroup checks, then every
# lesson, on a kernel with only cgroup2 mounted. One check per line; add new ones before `finish`.
. "$(dirname "$0")/guest-lib.sh"
guest_info

check "cgroup drivers on the real kernel (v2)" vitest test/cgroups/real.test.ts
check "runtime kernel tier on cgroup v2" vitest test/runtime/real.test.ts
check "/sys/fs/cgroup inside a container: cgroup2, read-only (run and the lesson step)" vitest test/runtime/cgroupfs.real.test.ts
check "cgroups lesson through the binary, asserting on the kernel's counters" vitest test/lessons-cgroups/lesson.real.test.ts
# Every other lesson, end to end through the binary: a learner's v2-only host runs them all.
for lesson in pid-namespace mount-namespace overlay whiteouts veth-bridge capabilities; do
  check "lesson $lesson --plain on cgroup v2" lesson_plain "$lesson"
done

finish
