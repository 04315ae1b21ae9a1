#!/bin/bash
# Build the cgroup-v2 test VM: qemu (TCG), Debian's cloud kernel, a tiny busybox initramfs.
# usage: test/vm/build.sh WORKDIR      (root; apt; ~30 MB of downloads once, ~130 MB on disk)
#
# WORKDIR must live outside /tmp /run /var/tmp /var/lib (the guest puts fresh tmpfs there) and
# its path must have no spaces. A second build with the same inputs does nothing (stamp file).
set -euo pipefail
W=${1:?usage: build.sh WORKDIR}; mkdir -p "$W"; W=$(cd "$W" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
case "$W" in *' '*) echo "WORKDIR must not contain spaces: $W" >&2; exit 2;; esac
case "$W/" in /tmp/*|/run/*|/var/tmp/*|/var/lib/*)
  echo "WORKDIR $W is under a path the guest hides behind a tmpfs; use e.g. /var/cache/container-lab-vm" >&2; exit 2;; esac

if ! command -v qemu-system-x86_64 >/dev/null || [ ! -x /usr/lib/qemu/virtiofsd ]; then
  echo "installing qemu-system-x86 (qemu and virtiofsd)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends qemu-system-x86 >/dev/null
fi

cd "$W"; mkdir -p debs out
exec 9>"$W/build.lock"; flock 9   # two builds into one WORKDIR take turns
# The initramfs depends on stage1-init: rebuild when it changes, otherwise reuse everything.
STAMP=$(sha256sum "$HERE/stage1-init" "$HERE/build.sh" | sha256sum | cut -c1-16)
if [ -f vmlinuz ] && [ -f initrd.img ] && [ -f kernel.release ] && [ "$(cat stamp 2>/dev/null)" = "$STAMP" ]; then
  echo "cgroup-v2 VM already built in $W (kernel $(cat kernel.release))"; exit 0
fi

# The versioned kernel package the cloud metapackage points at. Once downloaded, the .deb is
# reused, so a cached WORKDIR keeps booting the same kernel even when Debian moves on.
KDEB=$(ls debs/linux-image-*-cloud-amd64_*.deb 2>/dev/null | head -1 || true)
BBDEB=$(ls debs/busybox-static_*.deb 2>/dev/null | head -1 || true)
if [ -z "$KDEB" ] || [ -z "$BBDEB" ]; then
  KPKG=$(apt-cache depends linux-image-cloud-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
  if [ -z "$KPKG" ]; then apt-get update -qq; KPKG=$(apt-cache depends linux-image-cloud-amd64 | awk '/Depends: linux-image-[0-9]/{print $2; exit}'); fi
  [ -n "$KPKG" ] || { echo "no Debian cloud kernel package found (is apt configured for Debian?)" >&2; exit 1; }
  (cd debs && apt-get download -qq "$KPKG" busybox-static)
  KDEB=$(ls debs/"${KPKG}"_*.deb | head -1); BBDEB=$(ls debs/busybox-static_*.deb | head -1)
fi

rm -rf kernel bb && mkdir kernel bb
dpkg-deb -x "$KDEB" kernel
dpkg-deb -x "$BBDEB" bb
K=$(ls kernel/lib/modules); echo "$K" > kernel.release
cp kernel/boot/vmlinuz-"$K" vmlinuz
bb/bin/busybox depmod -b kernel "$K"

# initramfs: busybox and the modules needed to reach the host's / (virtiofs) and build the root overlay.
rm -rf initrd && mkdir -p initrd/{bin,proc,sys,dev,lower,upper,newroot} initrd/lib/modules/"$K"
cp bb/bin/busybox initrd/bin/
for d in drivers/virtio fs/fuse fs/overlayfs; do
  [ -d kernel/lib/modules/"$K"/kernel/$d ] || continue
  mkdir -p initrd/lib/modules/"$K"/kernel/$d && cp -r kernel/lib/modules/"$K"/kernel/$d/. initrd/lib/modules/"$K"/kernel/$d/
done
bb/bin/busybox depmod -b initrd "$K"
install -m 755 "$HERE/stage1-init" initrd/init
(cd initrd && find . | "$W/bb/bin/busybox" cpio -o -H newc 2>/dev/null | gzip -1 > "$W/initrd.img")
rm -rf initrd
echo "$STAMP" > stamp
echo "built the cgroup-v2 VM in $W (kernel $K)"
