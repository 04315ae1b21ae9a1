/** English messages: runtime messages: containers, ledger, cleanup (src/runtime/). Keys start with `runtime.`; see src/i18n/README.md. */
export const runtime = {
  // A container's spec and life
  'runtime.spec.bad-id': 'Container id "{id}" must be 1-8 lowercase letters or digits.',
  'runtime.spec.unsupported-ns': "The lab's runtime does not make these namespaces: {kinds} (it makes {supported}).",
  'runtime.spec.needs-mnt': 'A lab container needs the mnt namespace (its root is an overlay mount).',
  'runtime.spec.cgroupfs-needs-ns': 'Mounting /sys/fs/cgroup in a container needs the cgroup namespace: add `cgroup` to its namespaces.',
  'runtime.container.exists': 'A container named {id} already exists.',
  'runtime.container.deleted': 'Container {id} was deleted.',
  'runtime.container.not-running': 'Container {id} is not running: its PID 1 has exited. Run the step again to start it.',
  'runtime.container.ended': 'The container ended before the shim could answer.',
  'runtime.pid1.exited-start': 'PID 1 exited during start-up.',
  'runtime.pid1.no-mount-ns': "The container's PID 1 has exited: there is no mount namespace left to mount in.",
  'runtime.pid1.no-exec': 'The container is not running: its PID 1 has exited, so nothing new can start in its PID namespace.',
  'runtime.pid1.no-mount': 'The container is not running: its PID 1 has exited, and its mount namespace with it.',
  'runtime.pid1.no-attempt': 'The container is not running: its PID 1 has exited, so there is no context left to try a call in.',
  'runtime.cgroupfs.no-ns':
    "The container has no cgroup namespace of its own, so a cgroup filesystem mounted in it would show the host's whole tree.",
  'runtime.exec.not-running': 'The container is not running any more (its PID 1 has exited). Press Enter in the lab to start it again.',
  'runtime.exec.could-not-start': 'Could not start {program} in the container: {error}',
  'runtime.exec.not-on-path':
    '"{name}" was not found on the container\'s PATH ({path}). Use a full path, or a program the rootfs has (try `ls /bin` inside).',
  'runtime.cgroup.no-controller':
    'This host offers no usable cgroup controller, so limits cannot be set. Run `container-lab doctor` to see why.',

  // The lab's helper processes
  'runtime.shim.missing': 'dist/shim.js is missing: run `npm run build` first.',
  'runtime.shim.exited-early': 'the shim exited before it was ready ({status})',
  'runtime.shim.exited-early-said': 'the shim exited before it was ready ({status}): {said}',
  'runtime.init.ended': 'the init stage ended ({status}) before it was {op}.',
  'runtime.mount-lab.missing': 'dist/mount-lab.js is missing: run `npm run build` first.',
  'runtime.mount-lab.no-report': 'The mount lab helper failed before it could report ({status}): {stderr}',
  'runtime.mount-lab.no-output': 'no output',
  'runtime.libcap.not-installed': '{program} is not installed: on Debian it is in libcap2-bin (`apt install libcap2-bin`).',
  'runtime.libcap.bad-mask': '"{mask}" is not a capability mask.',

  // One lab at a time, and cleaning up
  'runtime.lock.busy':
    'Another container-lab is already running (PID {pid}). Quit it first (press q in its window), or if it is stuck, stop it with: sudo kill {pid}',
  'runtime.cleanup.failed': 'container-lab: cleanup failed: {error}\nRun `sudo container-lab cleanup` to finish it.',
  'runtime.overlay.bad-name': 'Host overlay name "{name}" must be lowercase words joined by "-", e.g. "overlay-a".',
  'runtime.overlay.no-lower': 'An overlay needs at least one lower layer.',
  'runtime.overlay.left-behind': '{dir} already exists: a previous lab left it behind. Run `container-lab cleanup`, then try again.',
  'runtime.overlay.not-removed': 'Could not remove {what}: run `container-lab cleanup`.',
  'runtime.shared-mount.bad-name': 'Shared mount name "{name}" must be lowercase letters, digits and "-".',

  // What the lab made, as the cleanup report and the quit screen list it
  'runtime.entry.dir': 'directory {path}',
  'runtime.entry.abandoned-build': 'unfinished layer build {path}',
  'runtime.entry.mount': 'mount {target}',
  'runtime.entry.cgroup': 'cgroup {name}',
  'runtime.entry.link': 'link {name}',
  'runtime.entry.process': 'process {pid} ({what})',
  'runtime.entry.nft': 'nft table inet {table}',
  'runtime.entry.iptables': 'iptables chain {chain} in table {table}, and its jump from OUTPUT',
  'runtime.entry.pid1-of': 'PID 1 of {id}',
  'runtime.entry.mount-lab': 'mount lab helper',

  // The lab network
  'runtime.net.link-exists':
    'A link named {name} already exists on this host, and the lab did not make it now: run `container-lab cleanup`, or set CONTAINER_LAB_LINK_PREFIX to another prefix.',
  'runtime.net.bad-link-name':
    "\"{name}\" is not a usable link name (at most {max} letters, digits, '.', '_' or '-'): shorten CONTAINER_LAB_LINK_PREFIX or the container id.",
  'runtime.net.host-by-name': 'A link is moved back to the host by deleting the container namespace, not by name.',
  'runtime.net.hint.EEXIST':
    'A link or address with that name already exists: run `container-lab cleanup`, or set CONTAINER_LAB_LINK_PREFIX to another prefix.',
  'runtime.net.hint.EPERM': 'Changing links needs root with CAP_NET_ADMIN: run the lab with sudo.',
  'runtime.net.hint.ENODEV': 'That link is gone, or this kernel lacks the veth or bridge driver (`modprobe veth bridge`).',
  'runtime.net.hint.EOPNOTSUPP': 'This kernel lacks a driver the lab needs: check `modprobe veth` and `modprobe bridge`.',
  'runtime.net.hint.nft': 'The kernel may lack nf_tables NAT support (`modprobe nft_chain_nat`).',
  'runtime.net.hint.iptables':
    'The kernel may lack NAT support for iptables (`modprobe iptable_nat`, or `nft_chain_nat` under iptables-nft).',
  'runtime.net.bad-port': 'Port {port} is not between 1 and 65535.',
  'runtime.net.bad-rule-name': '"{name}" is not a usable nft table or iptables chain name.',
  'runtime.net.masquerade-not-applied': 'it exists to let containers reach beyond this machine, and the lab never sends traffic there',
  'runtime.net.no-host-address': '{cidr} has no host address number {n}.',
  'runtime.net.used-route': 'the route {dst}',
  'runtime.net.used-route-dev': 'the route {dst} (dev {dev})',
  'runtime.net.used-address': 'the address {address} on {link}',
  'runtime.net.bad-subnet':
    'CONTAINER_LAB_SUBNET="{value}" is not an IPv4 block between /8 and /29, such as 10.123.0.0/24: fix or unset it.',
  'runtime.net.subnet-clash':
    'CONTAINER_LAB_SUBNET={cidr} overlaps {used}: the host would send some of its own traffic into the lab. Choose another block, or unset it to let the lab choose.',
  'runtime.net.subnet-from-env': 'using {cidr} from CONTAINER_LAB_SUBNET; no route or address on this host overlaps it',
  'runtime.net.overlaps': '{cidr} overlaps {used}',
  'runtime.net.nothing-overlaps': 'no route or address on this host overlaps it',
  'runtime.net.reasons-separator': ', and ',
  'runtime.net.subnet-chosen': 'chose {cidr} because {why}',
  'runtime.net.no-subnet-free':
    'Every subnet the lab tries is in use on this host ({skipped}). Set CONTAINER_LAB_SUBNET to a free block such as 10.200.0.0/24.',
  'runtime.net.doctor.title': 'lab subnet',
  'runtime.net.doctor.no-ip': 'cannot read the host routes: `ip` is missing',
  'runtime.net.doctor.install-ip': 'Install iproute2 (`sudo apt install iproute2`).',
  'runtime.net.doctor.set-subnet': 'Set CONTAINER_LAB_SUBNET to a free IPv4 block such as 10.200.0.0/24.',

  // The network diagram: UP and DOWN are the kernel's words, the rest says why
  'runtime.diagram.host': 'host',
  'runtime.diagram.no-carrier': 'UP, no carrier',
  'runtime.diagram.peer-down': 'UP, peer down',
  'runtime.diagram.no-address': 'no address',
  'runtime.diagram.no-bridge': '(no bridge)',
  'runtime.diagram.no-links': 'no lab links yet',
  'runtime.diagram.netns-of-pid': 'netns of pid {pid}',

  // cgroups: refused limits and names (src/cgroups/)
  'runtime.cgroup.none-mounted':
    'No cgroup filesystem is mounted (neither cgroup2 nor v1 cgroup in /proc/self/mountinfo): mount one with `mount -t cgroup2 none /sys/fs/cgroup`, or run the lab on a host that has cgroups.',
  'runtime.cgroup.stuck-after-sigkill':
    'Processes {pids} were still in the cgroup {ms} ms after SIGKILL; they may be stuck in the kernel (state D in ps).',
  'runtime.cgroup.stuck-after-kill': 'Processes {pids} were still in the cgroup {ms} ms after cgroup.kill.',
  'runtime.cgroup.cpu-too-small': 'A CPU limit of {cpus} is too small: the kernel needs at least 0.01 CPUs (1 ms of every 100 ms).',
  'runtime.cgroup.bad-memory': 'A memory limit must be a whole number of bytes above 0 (got {got}).',
  'runtime.cgroup.bad-pids': 'A pids limit must be a whole number of 0 or more (got {got}).',
  'runtime.cgroup.bad-name':
    "\"{name}\" is not a usable cgroup name: use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.",
  'runtime.cgroup.v1-missing': 'This host has no cgroup v1 {tree} hierarchy mounted, so no {tree} limit can be set.',
  'runtime.cgroup.v2-missing':
    "This host's cgroup v2 root does not offer the {controller} controller, so no {controller} limit can be set.",

  // Layers, tar archives, the layer stack and file capabilities (src/overlay/, src/capabilities/)
  'runtime.layer.outside': 'Layer entry "{path}" points outside the layer: refused.',
  'runtime.layer.through-symlink': 'Layer entry under "{dir}" would pass through a symlink: refused.',
  'runtime.layer.file-in-way': 'Layer entry under "{dir}" needs a directory there, but a file is in the way.',
  'runtime.layer.whiteout-through-symlink': 'Whiteout under "{dir}" would pass through a symlink: refused.',
  'runtime.layer.no-mknod': 'Layer entry "{path}" is a {type} device or fifo; this importer cannot create those (Node has no mknod).',
  'runtime.layer.redirect':
    '{path} is a renamed directory (trusted.overlay.redirect = {redirect}): its contents are still in a lower layer, so upper alone is not the whole change. Mount with redirect_dir=off to export from upper.',
  'runtime.layer.metacopy':
    '{path} was copied up as metadata only (trusted.overlay.metacopy): its data is still in a lower layer. Mount with metacopy=off to export from upper.',
  'runtime.layer.only-in': 'only in {name}',
  'runtime.tar.bad-pax': 'Bad pax record length at byte {offset}.',
  'runtime.tar.bad-checksum': 'Tar header at byte {offset} has a bad checksum: this is not a tar archive, or it is damaged.',
  'runtime.tar.cut-short': 'Tar entry {path} at byte {offset} runs past the end of the archive: it is cut short.',
  'runtime.tar.size-changed':
    'Tar entry {path}: expected {expected} bytes of content, got {got} (did the file change while it was being archived?).',
  'runtime.stack.deleted': 'deleted (whiteout)',
  'runtime.stack.whiteout-alone': 'whiteout (nothing below)',
  'runtime.stack.opaque': 'opaque: lower contents hidden',
  'runtime.stack.copied-up': 'copied up',
  'runtime.stack.new': 'new',
  'runtime.caps.too-short': 'security.capability is {bytes} bytes: too short for a vfs_cap_data.',
  'runtime.caps.bad-revision': 'security.capability has revision {revision} and {bytes} bytes, which no kernel writes.',
  'runtime.caps.none': '(none)',
  'runtime.caps.status-field': '{field} is missing or malformed in the status text.',

  // The lab's state directory and the container rootfs it builds (src/rootfs/)
  'runtime.state.not-writable':
    '{dir} is not writable (read-only filesystem?). Free it or set CONTAINER_LAB_STATE_DIR to a writable place.',
  'runtime.state.symlink':
    '{dir} is a symlink. The lab keeps root-owned state there and will not follow a link: remove it (rm {dir}) and start again.',
  'runtime.state.not-dir': '{dir} exists but is not a directory: move it away and start again.',
  'runtime.state.owner':
    '{dir} belongs to uid {owner}, not to uid {uid} (root): remove it or set CONTAINER_LAB_STATE_DIR to another place.',
  'runtime.state.writable': '{dir} is writable by other users (mode {mode}): run `chmod 700 {dir}`.',
  'runtime.busybox.unreadable': '{file} is listed in {list} but cannot be read ({error}): reinstall container-lab.',
  'runtime.busybox.mismatch':
    '{file} does not match {list} (its SHA256 is {actual}, the list says {expected}): reinstall container-lab, or re-derive the file as rootfs/busybox/README.md says.',
  'runtime.busybox.no-list':
    "{busybox} is a static busybox, but neither `--list-full` nor `--list` worked ({error}). Remove or replace it, and the lab falls back to the host's own tools.",
  'runtime.rootfs.tool-missing-libs': 'the host has no {libs} for it',
  'runtime.rootfs.no-shell':
    'The host has no usable /bin/sh and no static busybox, so the rootfs would have no shell: install busybox-static (Debian/Ubuntu: `apt install busybox-static`).',
  'runtime.rootfs.needs-root':
    'Building the rootfs needs root (its files belong to root and to uid 1000, under a root-only directory): run container-lab with sudo.',
  'runtime.rootfs.no-layers': 'A rootfs needs at least one layer, e.g. ["base"].',
  'runtime.rootfs.layer-twice': 'Layer "{name}" is listed twice: each layer can appear once in a stack.',
  'runtime.rootfs.no-such-layer': 'There is no layer named "{name}" in {manifest}; the layers are: {known}.',
} as const;
