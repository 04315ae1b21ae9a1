/** zh-CN messages: `doctor --workshop`, the attendees' pre-flight (src/doctor/workshop.ts, workshop-run.ts). */
import type { workshop as english } from '../en/workshop.js';
import type { Translation } from '../translation.js';

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
} satisfies Translation<typeof english>;
