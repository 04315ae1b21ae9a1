#!/bin/bash
# Stage 2, PID 1 of the guest: mount cgroup2 alone, put fresh tmpfs where tests write, run the
# guest script ($V2CMD in $V2CWD), record its exit status in WORKDIR/out/rc, and power off.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
W=$V2WORK; K=$(cat "$W/kernel.release")
mount -t proc proc /proc; mount -t sysfs sysfs /sys
mkdir -p /dev/pts /dev/shm
ln -sf /proc/self/fd /dev/fd; ln -sf /proc/self/fd/0 /dev/stdin; ln -sf /proc/self/fd/1 /dev/stdout; ln -sf /proc/self/fd/2 /dev/stderr
mount -t devpts devpts /dev/pts; mount -t tmpfs tmpfs /dev/shm
# The kernel booted with cgroup_no_v1=all: every controller is free for the unified hierarchy.
mount -t cgroup2 -o nsdelegate cgroup2 /sys/fs/cgroup
# An overlay cannot use the root overlay as its upper layer: every place a test writes gets a real
# tmpfs. WORKDIR or the working directory (a CI clone in /tmp, say) stays visible through a bind mount.
keep=()
for p in "$W" "${V2CWD:-/}"; do case "$p/" in /tmp/*|/run/*|/var/tmp/*|/var/lib/*) keep+=("$p");; esac; done
for i in "${!keep[@]}"; do mkdir -p "/mnt/v2keep$i"; mount --bind "${keep[$i]}" "/mnt/v2keep$i"; done
for d in /tmp /run /var/tmp /var/lib; do mount -t tmpfs -o mode=755 tmpfs "$d"; done
chmod 1777 /tmp /var/tmp
for i in "${!keep[@]}"; do mkdir -p "${keep[$i]}"; mount --bind "/mnt/v2keep$i" "${keep[$i]}"; done
mount -t virtiofs out "$W/out"
mkdir -p /lib/modules && ln -sfn "$W/kernel/lib/modules/$K" "/lib/modules/$K"
ln -sf "$W/bb/bin/busybox" /sbin/modprobe; echo /sbin/modprobe > /proc/sys/kernel/modprobe
hostname v2guest; ip link set lo up
rc=0
cd "${V2CWD:-/}" && "$V2CMD" > >(tee "$W/out/log.txt") 2>&1 || rc=$?
echo "$rc" > "$W/out/rc"; sync
exec "$W/bb/bin/busybox" poweroff -f
