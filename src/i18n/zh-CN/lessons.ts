/** zh-CN messages: lesson engine, runner and plain/JSON output (src/lessons/engine/, runner/, event-lines.ts). */
import type { lessons as english } from '../en/lessons.js';
import type { Translation } from '../translation.js';

export const lessons = {
  'lessons.pane.on-host': '宿主机上',
  'lessons.pane.in-container': '容器中',
  'lessons.pane.in-named': '{label}中',

  'lessons.plain.lesson': '第 {order} 课：{title}',
  'lessons.plain.step': '第 {number} 步（共 {total} 步）：{title}  [{id}]',
  'lessons.plain.predict': '预测：{question}',
  'lessons.plain.your-turn': '轮到你：{task}',
  'lessons.plain.shell': '对应的 shell 命令：{command}',
  'lessons.plain.docker': '在 Docker 中：{command}',
  'lessons.plain.ran': '运行了：',
  'lessons.plain.ran-skipped': '运行了：无（本机无法运行这一步，原因见下方结果）。',
  'lessons.plain.ran-looks': '运行了：无（这一步只是查看）。',
  'lessons.plain.call-failed': '{code}：{text}。{hint}',
  'lessons.plain.live': '实时读取：运行期间读取了 {count} 次 {title}：',
  'lessons.plain.pane': '{label}：{title}',
  'lessons.plain.differs': '不同之处（{host} ⟷ {container}）：',
  'lessons.plain.same': '{host}和{container}显示的内容相同。',
  'lessons.plain.answer': '答案：{number}) {choice}{ends, select, sentence {} other {。}}{reveal}',
  'lessons.plain.checked':
    '--solve 给出的答案：{answer}。检查：{ok, select, yes {通过} other {未通过}}。{message, select, none {} other {{message}}}',
  'lessons.plain.put-back': '实验已复原：',
  'lessons.plain.put-back-failed': '复原失败：{message}',
  'lessons.plain.result':
    '结果：{status, select, done {完成} failed {失败} skipped {已跳过} other {已取消}}，用时 {time}。{message, select, none {} other {{message}}}{hint, select, none {} other {提示：{hint}}}',
  'lessons.plain.awaiting':
    '停在第 {number} 步（{step}）：轮到你了。运行 `container-lab lesson {id} --plain --solve` 让实验替你完成，或者打开实验（`sudo container-lab`）自己动手。',
  'lessons.plain.failed-at': '“{title}”的第 {number} 步（{step}）失败了（见上面它的 FAILED 结果）：{why}',
  'lessons.plain.all-ran': '“{title}”的每一步都运行了。',
  'lessons.plain.all-ran-except': '“{title}”的每一步都运行了，只有本机无法运行的 {count} 步除外（已跳过：{steps}）。',
  'lessons.plain.read-more': '延伸阅读：',

  'lessons.step.cancelled': '已取消（Esc）：实验停止了这一步。按 Enter 重新运行。',
  'lessons.step.needs-process': '这一步需要 {ref}，它由前面的某一步启动：请返回（←）先运行那一步。',
  'lessons.step.no-answer': '解法已运行，但检查在实际状态中找不到答案。',
  'lessons.step.cannot-run-here': '这一步无法在本机运行：{why}',
  'lessons.step.no-your-turn': '步骤 {id} 没有“轮到你”任务。',
  'lessons.step.no-such-step': '课程 {lesson} 没有第 {number} 步。',
  'lessons.container.unknown': '本课没有名为“{name}”的容器。',
  'lessons.container.ended':
    '容器的 PID 1 已经结束（{signal, select, none {退出状态 {code}} other {被 {signal} 杀死}}），它的 PID 命名空间也随之结束：里面已经没有东西可看了。',
  'lessons.container.not-started': '容器还没有启动：请先运行启动它的那一步（← 返回）。',
  'lessons.container.not-running': '容器没有在运行。',
  'lessons.ref.process-not-running': '{ref} 没有在运行：请先运行启动它的那一步（← 返回）。',
  'lessons.ref.container-not-started': '容器还没有启动：请先运行启动它的那一步。',
  'lessons.ref.unresolved': '无法解析 {ref}。',

  'lessons.template.lab': '实验本身的 PID',
  'lessons.template.lab-command': '<实验的 PID>',
  'lessons.template.container': '容器在宿主机上的 PID',
  'lessons.template.container-command': '<容器的 PID>',
  'lessons.template.named-container': '容器 {name} 在宿主机上的 PID',
  'lessons.template.host-pid-command': '<{name} 的宿主机 PID>',
  'lessons.template.process-host': '{name} 在宿主机上的 PID',
  'lessons.template.process-inside': '{name} 在容器内的 PID',
  'lessons.template.process-inside-command': '<{name} 在容器内的 PID>',

  'lessons.host.title': '课程步骤所需的宿主机程序',
  'lessons.host.all-there': '每个课程步骤要运行的宿主机程序都已安装（{programs}）',
  'lessons.host.none': '无',
  'lessons.host.skipped':
    '{count, plural, =1 {将跳过 1 个步骤（{steps}）：它需要运行 {missing}} other {将跳过 # 个步骤（{steps}）：它们需要运行 {missing}}}',
  'lessons.host.missing':
    '{how, select, several {{names}，这些程序都没有安装} one {{names}，但它没有安装} two {{names}，但两者都没有安装} other {{names}，但都没有安装}}',
  'lessons.host.either': '{first} 或 {second}',
  'lessons.host.fix': '`{command}`：装好之后，{count, plural, =1 {这一步} other {这 # 个步骤}}就会运行，不再跳过。',
  'lessons.host.fix-package':
    '请安装提供 `{program}` 的软件包：装好之后，{count, plural, =1 {这一步} other {这 # 个步骤}}就会运行，不再跳过。',

  'lessons.transcript.session': '# container-lab 学习记录，{at}',
  'lessons.transcript.lesson': '## 第 {order} 课：{title}',
  'lessons.transcript.step': '### 第 {number} 步（共 {total} 步）：{title}',
  'lessons.transcript.predict': '**预测：** {question}',
  'lessons.transcript.predicted': '**你的预测：** {choice}（{right, select, yes {答对了} other {这次没答对}}）',
  'lessons.transcript.answer': '**答案：** {choice}{ends, select, sentence {} other {。}}{reveal}',
  'lessons.transcript.your-turn': '**轮到你：** {task}',
  'lessons.transcript.ran': '**运行了什么**（手动：`{shell}`）：',
  'lessons.transcript.ran-nothing': '**运行了什么：** 无（这一步只是查看）。',
  'lessons.transcript.pane': '**{label}：** {title}',
  'lessons.transcript.checked':
    '**你的答案：** {answer}。**检查：** {ok, select, yes {通过} other {还没通过}}。{message, select, none {} other {{message}}}',
  'lessons.transcript.put-back': '**实验已复原：**',
  'lessons.transcript.put-back-failed': '复原失败：{message}',
  'lessons.transcript.result':
    '_结果：{status, select, done {完成} failed {失败} skipped {已跳过} other {已取消}}，用时 {time}。{message, select, none {} other {{message}}}_',
  'lessons.transcript.looked-again': '**在容器的 shell 里操作之后重新读取**（{title}）：',
  'lessons.transcript.reset': '_已重置：本课的容器已删除；每一步会重新启动它需要的东西。_',
  'lessons.transcript.no-dir': '--transcript {file}：目录 {dir} 不存在；请先创建它，或指定一个已存在目录中的文件。',
  'lessons.transcript.is-dir': '--transcript {file} 是一个目录：请指定一个文件来写入学习记录。',

  'lessons.notes.title': '# 讲师手册：{title}（`{id}`）',
  'lessons.notes.length':
    '第 {order} 课 · {steps, plural, other {# 个步骤}} · 约 {minutes} 分钟{untimed, plural, =0 {} other {（另有 # 个步骤未标时长）}}',
  'lessons.notes.step': '## {number}. {title}（`{id}`）{minutes, select, none {} other { · {minutes} 分钟}}',
  'lessons.notes.predict': '**预测：** {question}',
  'lessons.notes.right': '**{choice}**（正确）',
  'lessons.notes.why': '**原因：** {reveal}',
  'lessons.notes.task': '**轮到你：** {task}',
  'lessons.notes.solution': '**解法：** {how}',
  'lessons.notes.solution-action': '`{action}`{args, select, none {} other {，参数 {args}}}{summary, select, none {} other {：{summary}}}',
  'lessons.notes.hints': '**提示**，按学员看到的顺序：',
  'lessons.notes.answer-hint': '（答案，从这台机器上读取）',
  'lessons.notes.notes': '**备注：**',
  'lessons.notes.no-notes': '_这一步没有备注。_',
  'lessons.notes.name-one': 'container-lab notes：请指定一课；可选的课程有 {ids}。',
  'lessons.notes.no-such': 'container-lab notes：没有“{id}”这一课；可选的课程有 {ids}。',
  'lessons.plain.check-not-passed': '它的检查没有通过',
} satisfies Translation<typeof english>;
