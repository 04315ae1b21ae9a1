/** zh-CN messages: check verdicts of your-turn steps (src/lessons/checks/). */
import type { checks as english } from '../en/checks.js';
import type { Translation } from '../translation.js';

export const checks = {
  'checks.host-pid.prompt': '宿主机 PID',
  'checks.host-pid.not-running': '容器没有在运行：按 r 重置本课，然后重新启动你的进程。',
  'checks.host-pid.not-a-pid': '“{answer}”不是 PID：请输入一个整数，比如你在宿主机上找到的那个。',
  'checks.host-pid.pid-1': '{pid} 是容器的 PID 1（随容器一起启动的 shell）。请找出你自己启动的那个进程。',
  'checks.host-pid.no-process': '宿主机上没有进程 {pid}。你的进程还在运行吗？回到宿主机一侧再看看。',
  'checks.host-pid.outside':
    '宿主机 PID {pid} 是容器外的宿主机进程：它的 PID 命名空间是 {theirs}，而容器的是 {container}。{small, select, yes {这么小的数字多半是容器内的 PID：宿主机给同一个进程编的号不一样。} other {}}',
  'checks.host-pid.init-started':
    '宿主机 PID {pid}（`{command}`）确实在容器里，但它是容器的 PID 1 自己启动的：它在 PID 1 的会话里（NSsid：{nssid}，容器内为 1）。在 shell（s）里启动你自己的进程 `sleep 600 &`，再去找它。',
  'checks.host-pid.unknown': '未知',
  'checks.host-pid.right':
    '答对了：宿主机 PID {pid} 就是容器内的 PID {inside}（NSpid：{nspid}）。同一个进程，在它所在的每个命名空间里各有一个 PID。',
  'checks.host-pid.answer-not-running': '容器还没有运行，所以还给不出答案',
  'checks.host-pid.answer-none': '容器里还没有你启动的进程（PID 1 和它自己启动的进程不算）：先启动一个，再来要提示',
  'checks.host-pid.answer': '宿主机 PID {pid}（`{command}`，容器内 PID {inside}）',

  'checks.memory.prompt': '新的内存限制',
  'checks.memory.not-running': '容器没有在运行：按 r 重置本课，然后重新运行内存相关的步骤。',
  'checks.memory.not-a-limit': '“{answer}”不是一个限制值：请输入 {file} 中现在的字节数（也可以带单位，比如 96M）。',
  'checks.memory.no-limit': '{file} 显示完全没有限制。请往里面写入一个限制（比 {mib} MiB 稍大），再输入它。',
  'checks.memory.other-limit': '{file} 显示的是 {bytes}（{size}），不是 {typed}：请先把新的限制写进这个文件，再输入文件里的值。',
  'checks.memory.too-low': '{size} 仍低于分配程序占用的 {mib} MiB：它还会再被杀死。请再调高一些。',
  'checks.memory.kills': '{label} {before} → {after}',
  'checks.memory.no-kill': '没有 OOM kill',
  'checks.memory.peak': '；{label} 显示 {size}',
  'checks.memory.right':
    '答对了：在 {size} 的限制下，分配程序占住了它的 {mib} MiB 并以 0 退出（{kills}{peak}）。限制只是文件里的一个数字；调高它，内核就让控制组用更多内存。',
  'checks.memory.still-killed':
    '限制为 {size} 时，分配程序这样结束：{exit}{kills, select, none {} other {（{kills}）}}。除了那 {mib} MiB，shell、head 和 tail 也需要几 MiB。请再多给一些空间。',
  'checks.memory.answer-not-running': '容器还没有运行，所以还没有文件可以指给你',
  'checks.memory.answer': '在宿主机的 root shell 里运行 `{commands}`，然后输入 {limit}',

  'checks.whiteout.prompt': 'whiteout 文件的 inode 号',
  'checks.whiteout.not-mounted': '覆盖文件系统 {overlay} 没有挂载：按 r 重置本课。',
  'checks.whiteout.still-merged': '{path} 仍在合并视图（merged）中。请先通过 {merged} 删除它，再去 upper 里看。',
  'checks.whiteout.none': '{path} 已从 merged 中消失，但 upper 里没有它的 whiteout 文件；它是不是只存在于 upper 的文件？',
  'checks.whiteout.wrong':
    '{answer, select, none {这} other {{answer}}}不是它的 inode 号。whiteout 文件与被删除的文件同名，位于 upper（{upper}）下的同一个目录里；`ls -li` 会把 inode 号打印在最前面。',
  'checks.whiteout.right':
    '答对了：{whiteout} 的 inode 号是 {ino}，它是一个 0:0 字符设备——也就是 overlay 的 whiteout 文件。下层的文件仍然存在；是它把那个文件遮住了。{shared, select, none {} other {它有 {links} 个链接：这个内核让所有 whiteout 文件共用同一个 inode，它还出现在 {shared}。}}',
  'checks.whiteout.answer-not-mounted': '覆盖文件系统还没有挂载',
  'checks.whiteout.answer': '{ino}，即 {whiteout} 的 inode 号（一个 0:0 字符设备）',
  'checks.whiteout.answer-not-yet': '通过 merged 删除 {file} 之后，{path} 的 inode 号',
} satisfies Translation<typeof english>;
