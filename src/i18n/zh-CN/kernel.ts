/** zh-CN messages: syscall-error hints (src/kernel/). */
import type { kernel as english } from '../en/kernel.js';
import type { Translation } from '../translation.js';

export const kernel = {
  'kernel.call-failed': '{call} 失败：{code}（{text}）',
  'kernel.hint.unshare.EINVAL':
    '内核不允许多线程进程做这种命名空间变更（CLONE_NEWUSER 则一律不允许）：请改从一个全新的、只做这件事的进程发起。',
  'kernel.hint.unshare.ENOSPC':
    '已达到每个用户的命名空间数量上限：检查 /proc/sys/user/max_*_namespaces，或运行 `container-lab cleanup` 清除残留的容器。',
  'kernel.hint.unshare.ENOMEM': '这个 PID 命名空间的 init 已经退出，里面再也无法启动新进程：请重置本课（r）。',
  'kernel.hint.setns.EINVAL': '多线程进程要用 setns 进入挂载命名空间，必须先执行 unshare(CLONE_FS)；而且 fd 必须是所给类型的命名空间文件。',
  'kernel.hint.mount.ENODEV': '这个内核不认识该文件系统类型：若是 overlay，请用 `modprobe overlay` 加载它。',
  'kernel.hint.mount.EBUSY': '那里已经挂载了东西，或者仍在使用中：运行 `container-lab cleanup` 后再试一次。',
  'kernel.hint.mount.ENOENT': '挂载点或某个层目录不存在：rootfs 缓存可能已损坏；先运行 `container-lab cleanup`，再重新启动即可重建。',
  'kernel.hint.mount.EINVAL':
    '内核拒绝了这些挂载选项：对 overlay 来说，upperdir 和 workdir 必须在同一个文件系统上，且不能位于另一个 overlay 之上。',
  'kernel.hint.mount.ENOSPC': '挂载数量过多：检查 /proc/sys/fs/mount-max，或运行 `container-lab cleanup`。',
  'kernel.hint.umount2.EBUSY': '仍有进程在使用这个挂载：请先停止容器，或用 MNT_DETACH 分离它。',
  'kernel.hint.umount2.EINVAL': '这个路径不是挂载点（可能已经卸载了）。',
  'kernel.hint.pivot-root.EINVAL':
    'pivot_root 要求新的根是私有挂载命名空间中的一个挂载点：先把它绑定挂载到自身，并把 / 设为 MS_REC|MS_PRIVATE。',
  'kernel.hint.pivot-root.EBUSY': '新的根或 put_old 正忙：它可能已经是这个命名空间的根了。',
  'kernel.hint.chdir.ENOENT': '容器的根目录里没有这个目录。',
  'kernel.hint.capset.EPERM': '线程只能降低自己的能力；可继承集里的能力也只能在边界集之内提升。',
  'kernel.hint.prctl.EINVAL': '这个内核不认识该能力编号或 prctl 选项。',
  'kernel.hint.execve.ENOENT': '容器的根文件系统里没有这个程序（或它的 ELF 加载器）：用 `container-lab cleanup` 重建，然后重新启动。',
  'kernel.hint.execve.EACCES': '该文件不可执行，或者它所在的文件系统以 noexec 方式挂载。',
  'kernel.hint.any.EPERM': '这需要拥有全部能力的 root：请用 sudo 运行实验，而且不要在已丢弃 CAP_SYS_ADMIN 的容器里运行。',
  'kernel.hint.any.ENOSPC': '空间不足：检查 `df -h /var/lib/container-lab`，以及 /proc/sys 中的内核限制。',
  'kernel.hint.any.EBUSY': '该资源仍在使用中：运行 `container-lab cleanup` 后再试一次。',
  'kernel.hint.man-page': '{errno} 在这里是什么意思，请看 `man 2 {syscall}` 的 ERRORS 一节。',

  'kernel.run.failed': '`{command}` 失败（{result}）：{error}',
  'kernel.run.timed-out': '运行 {seconds} 秒后仍未结束，实验已将它终止',
  'kernel.run.no-stderr': '{name} 没有在 stderr 上输出任何内容',
  'kernel.run.not-installed': '{name} 没有安装（或不在 PATH 中）：`container-lab doctor` 会告诉你哪个软件包提供它。',
  'kernel.run.busy': '宿主机可能非常繁忙：请再运行一次这一步。',
  'kernel.run.by-hand': '以 root 身份手动运行 `{command}`，可以看到完整的错误信息。',
  'kernel.run.no-program': 'runHostProgram 需要一个要运行的程序。',
  'kernel.syscall-number.unknown-arch': 'container-lab 只知道 x86_64 和 aarch64 上 {name} 的系统调用号；这台机器是 {arch}。',

  'kernel.cgroup.write.cgroup.subtree_control.EBUSY':
    'cgroup v2 只允许从根控制组、或自身没有进程的控制组向下分配控制器（“无内部进程”规则）。如果这里是某个容器的控制组命名空间的根，请在宿主机上运行实验。',
  'kernel.cgroup.write.cgroup.subtree_control.ENOENT':
    '这个控制组里没有该控制器：在混合模式的宿主机上，它已被某个 v1 层级占用，或者内核命令行禁用了它（cgroup_disable=…）。',
  'kernel.cgroup.write.cgroup.subtree_control.EINVAL':
    '内核拒绝启用控制器：当有实时（SCHED_FIFO/SCHED_RR）进程在根控制组之外运行时，cpu 控制器会拒绝启用。',
  'kernel.cgroup.write.cgroup.procs.ESRCH': '那个进程已经退出了。',
  'kernel.cgroup.write.cgroup.procs.EBUSY': '一旦为子控制组启用了控制器，cgroup v2 就只允许把进程放进叶子控制组（“无内部进程”规则）。',
  'kernel.cgroup.write.memory.limit_in_bytes.EBUSY': '这个控制组已经用掉的内存超过了新的限制，而内核无法回收：请先杀掉它的进程。',
  'kernel.cgroup.write.memory.limit_in_bytes.EINVAL':
    '在 cgroup v1 中，memory.limit_in_bytes 永远不能超过 memory.memsw.limit_in_bytes：请先调高 memsw。',
  'kernel.cgroup.write.memory.memsw.limit_in_bytes.EINVAL':
    '在 cgroup v1 中，memory.memsw.limit_in_bytes 永远不能低于 memory.limit_in_bytes：请先调低内存限制。',
  'kernel.cgroup.write.cpu.max.EINVAL': 'CPU 配额每个周期至少要 1000 µs（1 ms）：请至少申请 0.01 个 CPU。',
  'kernel.cgroup.write.cpu.cfs_quota_us.EINVAL': 'CPU 配额每个周期至少要 1000 µs（1 ms）：请至少申请 0.01 个 CPU。',
  'kernel.cgroup.mkdir.any.EEXIST': '同名的控制组是之前运行时留下的：运行 `container-lab cleanup`。',
  'kernel.cgroup.mkdir.any.EROFS': '/sys/fs/cgroup 以只读方式挂载（大多数容器内部都是如此）：请在宿主机上运行实验。',
  'kernel.cgroup.rmdir.any.EBUSY': '这个控制组里还有进程（或子控制组）：先杀掉它们，再删除它。',
  'kernel.cgroup.any.any.EACCES': '修改控制组需要 root：请用 sudo 运行实验。',
  'kernel.cgroup.any.any.EPERM': '修改控制组需要 root：请用 sudo 运行实验。',
  'kernel.cgroup.write.any.ENOENT':
    '这个控制组没有这个文件：它的控制器在这里没有启用（见父控制组的 cgroup.subtree_control），或者这个内核太旧，还不支持它。',
  'kernel.cgroup.other': '内核返回了 {code}：关于这个文件，请参阅 Documentation/admin-guide/cgroup-v2.rst（或 cgroup-v1/）。',
} satisfies Translation<typeof english>;
