#!/bin/bash
# Runs inside the cgroup-v2 VM (test/vm/run-v2-tier.sh boots it): the cgroup checks on a kernel
# with only cgroup2 mounted. One check per line; add new ones before `finish`.
. "$(dirname "$0")/guest-lib.sh"
guest_info

check "cgroup drivers on the real kernel (v2)" vitest test/cgroups/real.test.ts
check "runtime kernel tier on cgroup v2" vitest test/runtime/real.test.ts
check "cgroups lesson through the binary, asserting on the kernel's counters" vitest test/lessons-cgroups/lesson.real.test.ts

finish
