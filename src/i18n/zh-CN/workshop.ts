/** zh-CN messages: workshop mode (fast-forward, undo, solutions, `reset`, `--step`). */
import type { Translation } from '../translation.js';
import type { workshop as english } from '../en/workshop.js';
export const workshop = {
  'workshop.needs-root': 'doctor --workshop 需要 root 权限（它会为每一课启动并删除一个容器）：请用 sudo 重新运行。',
  'workshop.lab-running':
    '有一个 container-lab 正在运行（PID {pid}）：请先退出它（在它的窗口里按 q），再重新运行 doctor --workshop；课前检查从不在运行中的实验旁边启动容器。',
  'workshop.heading': '课前检查：每课一个容器，按课程的方式启动并删除',
  'workshop.ready': '就绪',
  'workshop.will-skip': '{count, plural, other {将跳过 # 步}}',
  'workshop.cannot-run': '无法运行',
  'workshop.ran-step': '（{step} 运行用时 {seconds} 秒）',
  'workshop.why': '原因：{reason}',
  'workshop.fix': '解决：{fix}',
  'workshop.step-failed': '它的步骤 {step} 失败了：{message}',
  'workshop.failed-fix':
    '运行 `sudo container-lab lesson {lesson} --plain` 看看在哪里失败；如果崩溃的实验留下了东西，先用 `sudo container-lab cleanup` 把它删掉。',
  'workshop.left-behind': '课前检查无法删除 {what}；`sudo container-lab cleanup` 会删除能删除的部分。',
  'workshop.still-mounted': '{dir}（{mounts} 仍挂载在那里）',
  'workshop.summary':
    'container-lab {version} · 内核 {kernel} · cgroup {cgroup} · {ready} 课就绪{willSkip, plural, =0 {} other {，{willSkip} 课将跳过 {steps, plural, other {# 步}}}}{cannotRun, plural, =0 {} other {，{cannotRun} 课无法运行}}',
  'workshop.list-separator': '、',
  'workshop.sentence-separator': '；',

  'workshop.ff.done': '已快进{count, plural, other {第 {steps} 步}}，用时 {duration}。',
  'workshop.ff.stopped': '快进停在了第 {step} 步（{id}）：{reason}',
  'workshop.ff.running': '正在快进到第 {target} 步：运行第 {step} 步（{id}）…（Esc 取消）',
  'workshop.ff.not-started': '这一步运行之前就已取消：按 Enter 运行它。',

  'workshop.undo.not-run': '这一步还没有运行，没有什么可撤销的。',
  'workshop.undo.nothing': '这一步只是查看：它什么也没改，没有什么可撤销的。',
  'workshop.undo.put-back': '这一步弄坏的东西，实验在它运行后已经立刻恢复了。',
  'workshop.undo.cannot': '这一步无法单独撤销（{why}）：按 r 重置本课。',
  'workshop.undo.unknown-action': '实验不知道如何撤回 `{action}` 所做的改动',
  'workshop.undo.done': '已撤销：{what}。按 Enter 重新运行这一步。',
  'workshop.undo.done-quietly': '已撤销：这一步改动的东西已恢复原样。按 Enter 重新运行这一步。',
  'workshop.undo.failed': '撤销失败：{why}。按 r 重置本课。',
  'workshop.undo.failed-unsaid': '撤销失败：请查看运行了什么。按 r 重置本课。',

  'workshop.solution.exec': '在{where, select, named {容器 {container} } other {容器}}的 shell 中输入 `{command}`',
  'workshop.solution.action': '`{action}`{args, select, none {} other {（{args}）}}',
  'workshop.solution.action-does': '`{action}`{args, select, none {} other {（{args}）}}：{summary}',

  'workshop.reset.ask-all': '要重置全部 {count} 课的进度吗？[y/N]',
  'workshop.reset.ask-one': '要重置课程 {lesson} 的进度吗？[y/N]',
  'workshop.reset.no-terminal': 'reset 清除进度前要先询问，但这里没有可以询问的终端：加上 --yes 即可不经询问直接重置。',
  'workshop.reset.lab-running': '有一个实验正在运行（PID {pid}），它持有你的进度：请先退出它（q），再重置。什么也没有改动。',
  'workshop.reset.lock-unreadable': '无法判断是否有实验在运行（{dir} 属于 root）：请运行 `sudo container-lab reset`。什么也没有改动。',
  'workshop.reset.kept': '什么也没有重置。',
  'workshop.reset.done-all': '全部 {count} 课的进度已重置（{file}）：每一课都从第 1 步重新开始。',
  'workshop.reset.done-one': '课程 {lesson} 的进度已重置（{file}）：它从第 1 步重新开始。',
  'workshop.reset.one-lesson': 'reset 最多只接受一课：container-lab reset [<lesson>] [--yes]。',

  'workshop.step.bad': '--step "{ref}" 不是 {lesson} 的步骤：请给出 1 到 {count} 之间的编号，或步骤 id（{ids}）。',
} satisfies Translation<typeof english>;
