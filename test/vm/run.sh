#!/bin/bash
# Boot the cgroup-v2 VM that build.sh made and run one script in it; exit with that script's status.
# usage: test/vm/run.sh WORKDIR /abs/path/to/script [cwd-in-guest]
#
# The guest sees the host's / read-only (so Node, the project and node_modules are there) under a
# tmpfs overlay, with fresh tmpfs on /tmp /run /var/tmp /var/lib. Only cgroup2 is mounted.
# The script's output: WORKDIR/out/log.txt; the guest console: WORKDIR/serial.log.
# Exit status 99 = the guest never reported (it crashed, hung past V2TIMEOUT seconds, or never booted).
# Environment: V2TIMEOUT (seconds, default 1200), V2MEM (MiB, default 2048).
set -u
W=$(cd "${1:?usage: run.sh WORKDIR /abs/script [cwd]}" && pwd); CMD=${2:?script}; CWD=${3:-/}
HERE=$(cd "$(dirname "$0")" && pwd)
case "$CMD$CWD$W$HERE" in *' '*) echo "paths given to the guest must not contain spaces" >&2; exit 2;; esac
case "$CMD" in /*) ;; *) echo "the script path must be absolute: $CMD" >&2; exit 2;; esac
[ -x "$CMD" ] || { echo "not an executable script: $CMD" >&2; exit 2; }
[ -f "$W/vmlinuz" ] && [ -f "$W/initrd.img" ] || { echo "no VM in $W: run test/vm/build.sh $W first" >&2; exit 2; }
# One guest at a time per WORKDIR (they share its sockets and out/): a second run waits here.
exec 9>"$W/run.lock"; flock 9
mkdir -p "$W/out"
rm -f "$W/out/rc" "$W/out/log.txt" "$W"/vfs-*.sock
/usr/lib/qemu/virtiofsd --socket-path="$W/vfs-root.sock" -o source=/ -o cache=always -o sandbox=chroot 2>"$W/vfs-root.err" & P1=$!
/usr/lib/qemu/virtiofsd --socket-path="$W/vfs-out.sock" -o source="$W/out" -o cache=none -o sandbox=chroot 2>"$W/vfs-out.err" & P2=$!
for _ in $(seq 50); do [ -S "$W/vfs-root.sock" ] && [ -S "$W/vfs-out.sock" ] && break; sleep 0.1; done
# /dev/kvm on this machine kind is a software-nested backend that cannot boot a stock kernel:
# TCG (pure emulation) only, 5-10x slower than native. On a busy host the emulated timer can tick
# too late for the kernel's boot-time IO-APIC timer check, which then panics ("IO-APIC + timer
# doesn't work!", seen here with other jobs on both cores): no_timer_check skips that check.
timeout "${V2TIMEOUT:-1200}" qemu-system-x86_64 -accel tcg,thread=multi -cpu max -smp 2 -m "${V2MEM:-2048}" \
  -object memory-backend-memfd,id=mem,size="${V2MEM:-2048}M",share=on -numa node,memdev=mem \
  -machine q35 -nodefaults -no-user-config -display none -no-reboot -serial stdio -monitor none \
  -kernel "$W/vmlinuz" -initrd "$W/initrd.img" \
  -append "console=ttyS0 panic=-1 no_timer_check quiet loglevel=4 cgroup_no_v1=all v2init=$HERE/stage2.sh V2WORK=$W V2CMD=$CMD V2CWD=$CWD" \
  -chardev socket,id=c1,path="$W/vfs-root.sock" -device vhost-user-fs-pci,chardev=c1,tag=hostroot \
  -chardev socket,id=c2,path="$W/vfs-out.sock" -device vhost-user-fs-pci,chardev=c2,tag=out \
  </dev/null >"$W/serial.log" 2>&1
kill "$P1" "$P2" 2>/dev/null; wait "$P1" "$P2" 2>/dev/null
rc=$(cat "$W/out/rc" 2>/dev/null || echo 99)
if [ "$rc" = 99 ]; then echo "the cgroup-v2 guest never reported; last console lines:" >&2; tail -20 "$W/serial.log" >&2; fi
exit "$rc"
