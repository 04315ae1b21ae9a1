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
} satisfies Translation<typeof english>;
