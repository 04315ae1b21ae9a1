#!/bin/sh
# What the tests need from this host besides Node, in one list: `npm test` runs this first, and
# `.ci/run` too (with the benchmark's and the cgroup-v2 guest's extras as arguments).
#   usage: scripts/test-prereqs.sh [program:debian-package ...]
# On Debian or Ubuntu, as root, it installs the packages that are missing (apt-get, the only
# download; the tests themselves download nothing). Elsewhere, or not as root, it says in one
# sentence what to install, and the tests that need it skip with that reason (or fail under CI).
set -eu

# program  Debian package     what the tests use it for
NEEDS="
unshare    util-linux         namespaces, mounts, setpriv (also a requirement of the lab itself)
ip         iproute2           links, addresses, routes (also a requirement of the lab itself)
ps         procps             the process list in the PID lesson
busybox    busybox-static     the smallest rootfs, and the cgroup tier's workloads
tmux       tmux               the end-to-end TUI tests, keys in and screens out
capsh      libcap2-bin        decoding capability masks, as a second opinion
getfattr   attr               reading overlayfs xattrs, as a second opinion
strace     strace             holding the calls the lab shows against the calls it made
ping       iputils-ping       a ping between two namespaces on the bridge
nft        nftables           the published port's DNAT rule, in a table of the lab's own
iptables   iptables           the same rule on a host without nft, in a chain of the lab's own
"

pairs=$(printf '%s\n' "$NEEDS" | awk 'NF { print $1 ":" $2 }')
for extra in "$@"; do pairs="$pairs
$extra"; done

if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=""
  for pair in $pairs; do
    package=${pair#*:}
    dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing="$missing $package"
  done
  [ -z "$missing" ] && exit 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "The tests need these Debian packages, which are missing:$missing (as root, \`npm test\` installs them; or: sudo apt-get install$missing)." >&2
    exit 0
  fi
  echo "Installing what the tests need:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  missing=""
  for pair in $pairs; do
    program=${pair%%:*}
    command -v "$program" >/dev/null 2>&1 || missing="$missing $program"
  done
  [ -z "$missing" ] && exit 0
  echo "The tests need these programs, which are not on PATH:$missing (install them with your package manager; the tests that need one skip and say so)." >&2
fi
