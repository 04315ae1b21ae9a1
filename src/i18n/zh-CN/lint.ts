/** zh-CN messages: lesson lint messages (src/lessons/validate-*.ts, lint-command.ts, yaml-file.ts, …). */
import type { lint as english } from '../en/lint.js';
import type { Translation } from '../translation.js';

export const lint = {
  'lint.ok': '通过  {id}{lang, select, en {} other {（{lang}）}}：{steps} 个步骤',
  'lint.problems': '发现 {count} 个问题；请修正后再次运行 lint-lessons。',
  'lint.checked': '已检查 {lessons} 个课程{languages, plural, =1 {} other {（# 种语言）}}，没有问题。',

  'lint.label.at': '{what}：{message}',
  'lint.label.key': '{what}：`{key}`',
  'lint.label.step': '步骤“{id}”',
  'lint.label.step-index': '第 {index} 个步骤',
  'lint.label.step-subject': '第 {index} 个步骤',
  'lint.label.call': '{what}：{kind, select, action {动作} probe {探针} other {检查}}“{name}”',
  'lint.label.container': '容器“{name}”',
  'lint.label.each-entry': '{what} 的每一项',
  'lint.label.glossary-entry': '`{list}` 中的一项',
  'lint.label.rows': '{what}：`rows`（行键的列表，或 `all`）',
  'lint.label.intro': '引言',
  'lint.label.step-title': '`## {id}` 的标题',

  'lint.yaml.syntax': 'YAML 语法错误：{message}。',
  'lint.yaml.mapping': '{what}：必须是由 `key: value` 行组成的映射。',
  'lint.yaml.list': '{what}：必须是列表（以 `- ` 开头的行）。',
  'lint.yaml.text': '{what}：必须是非空文本。',
  'lint.yaml.prose-key': '{what}：`{key}` 是正文，请写在 text.md 的 {heading} 下。',
  'lint.yaml.unknown-key': '{what}：未知的键“{key}”；应为以下之一：{known}。',
  'lint.yaml.missing-key': '{what}：缺少 `{key}:`。',

  'lint.type.string': '文本',
  'lint.type.argv': '字符串列表（一条命令及其参数）',
  'lint.type.integer': '{min} 到 {max} 之间的整数',
  'lint.type.enum': '以下之一：{values}',
  'lint.type.list': '由以下任意几项组成的列表：{values}',
  'lint.type.name': '由小写字母、数字和连字符组成的名字',
  'lint.type.inner-path': 'overlay 内的相对路径，如 app/config.json（不以 / 开头，也不含 ..）',
  'lint.type.pid-ref': '一个进程：{help}',
  'lint.type.pid-ref-help':
    '`lab`（实验本身）、`container` 或 `container.NAME`（容器的 PID 1）、`process.NAME`（某个步骤启动的进程），或一个数字',
  'lint.template.no-process': '“{placeholder}”没有指明进程；`{side}:` 后面应写 {help}。',

  'lint.args.unknown': '{what}：未知参数“{name}”；{count, plural, =0 {它不接受参数} other {它接受 {known}}}。',
  'lint.args.missing': '{what}：缺少参数 `{name}:`（{doc}）。',
  'lint.args.must-be': '{what}：必须是{type}。',

  'lint.call.unknown': '{what}：未知的{kind, select, action {动作} probe {探针} other {检查}}“{name}”；已知的有：{known}。',
  'lint.call.shape': '{what}：必须是{kind, select, action {动作} probe {探针} other {检查}}名，或是带有 `{kind}:` 及其参数的映射。',
  'lint.call.missing': '{what}：缺少 `{kind}:`（以下之一：{known}）。',

  'lint.lesson.empty': 'lesson.yaml 是空的：它至少需要 `steps:`。',
  'lint.lesson.unknown-feature': '`requires`：未知的宿主机特性 {features}；已知的有：{known}。',
  'lint.lesson.container-and-containers': '请用 `container:`（一个容器）或 `containers:`（多个容器，按名字），不要两者都用。',
  'lint.lesson.no-steps': '`steps` 是空的：一个课程至少需要一个步骤。',
  'lint.lesson.step-twice': '步骤“{id}”出现了两次（第一次在第 {line} 行）；步骤 id 必须唯一。',
  'lint.lesson.no-text': 'text.md 不存在：请把课程的正文写在那里（见 lessons/README.md）。',

  'lint.step.id': '{what}：id 只能由小写字母、数字和连字符组成（它也是 text.md 中的 `## {id}` 标题）。',
  'lint.step.both-forms': '{what}：要么单独用 `both:`，要么用 `host:` 和 `container:`，不要两种写法都用。',
  'lint.step.in-unknown': '{what}：`in: {name}` 不是本课程的容器之一（{names}）。',
  'lint.step.milliseconds': '{what}：`{key}` 必须是 {min} 到 {max} 之间的整数毫秒数。',
  'lint.step.answer': '{what}：`answer` 必须是 text.md 的 `### Predict` 中正确选项的编号，1 到 5。',
  'lint.step.unknown-feature': '{what}：未知的宿主机特性 {features}；已知的有：{known}（即 `container-lab doctor` 的检查项 id）。',
  'lint.step.unknown-program':
    '{what}：`needs`：未知的宿主机程序 {programs}；已知的有：{known}（在容器内运行的程序随实验附带，从来不是宿主机的需求）。',
  'lint.step.program-declared': '{what}：`needs`：动作 `{action}` 已经声明了 {program}；请从这里删掉它。',

  'lint.container.bad-name': '容器名“{name}”只能由小写字母、数字和连字符组成。',
  'lint.container.none': '`containers:` 必须至少列出一个容器。',
  'lint.container.hostname': '{what}：主机名“{hostname}”只能由小写字母、数字和连字符组成。',
  'lint.container.unknown-capability': '{what}：未知的能力 {capabilities}（名称见 capabilities(7)）。',
  'lint.container.no-new-privs': '{what}：`noNewPrivs` 必须是 true 或 false。',
  'lint.container.unknown-namespace': '{what}：未知的命名空间类型 {kinds}；已知的有：{known}。',
  'lint.container.unmade-namespace':
    '{what}：实验的运行时还不会创建 {kind} 命名空间（它会创建 {known}）；要求这种命名空间的容器实际上会在没有它的情况下运行。',
  'lint.container.needs-mnt': '{what}：`namespaces` 必须包含 mnt（实验容器的根是它自己的挂载命名空间中的一个 overlay 挂载）。',
  'lint.container.limit': '{what}：`limits.{key}` 必须是{key, select, cpus {正数} other {正整数}}。',

  'lint.refs.not-started': '步骤“{step}”：{ref} 不是由这一步或之前的步骤启动的（请用带有 `name: {name}` 的 {starters} 动作启动它）。',
  'lint.refs.no-container': '步骤“{step}”：{ref} 指的不是本课程的容器（{names}）。',
  'lint.refs.not-a-container': '步骤“{step}”：容器“{name}”不是本课程的容器之一（{names}）。',
  'lint.refs.by-hand': '步骤“{step}”：`### By hand` 用到了 {ref}，但到这一步为止没有步骤启动它。',

  'lint.text.title-twice': '一个文本文件只有一行 `# <lesson title>`，位于开头。',
  'lint.text.step-heading': '`{line}`：步骤的标题是 `## <step-id>: <title>`，id 与 lesson.yaml 中的一致。',
  'lint.text.unknown-heading':
    '`### {heading}`：{where, select, lesson {第一个步骤之前} other {步骤中}}的未知标题；那里可用的标题是 {known}（保留英文）。',
  'lint.text.part-twice': '`### {heading}` 出现了两次（第一次在第 {line} 行）。',
  'lint.text.heading-level': '`{line}`：标题只有 `#`（课程）、`##`（步骤）和 `###`（两者中的一部分）。',

  'lint.prose.in-step': '`## {id}`：{message}',
  'lint.prose.in-part': '`### {keyword}`：{message}',
  'lint.prose.no-step': '`## {id}` 与 lesson.yaml 中的任何步骤都不对应（步骤 id：{ids}）。',
  'lint.prose.step-twice': '`## {id}` 出现了两次（第一次在第 {line} 行）。',
  'lint.prose.no-section': '步骤“{id}”（lesson.yaml 第 {line} 行）没有 `## {id}: <title>` 一节。',
  'lint.prose.no-title': '文本文件应以 `# <lesson title>` 开头。',
  'lint.prose.no-summary': '课程在第一个步骤之前需要 `### Summary`（主屏幕上显示的一行）。',
  'lint.prose.empty-part': '`### {keyword}` 下面没有文字。',
  'lint.prose.read-more': '`### Read more` 只能是一个 `- ` 列表（手册页，以及该去哪份源码的哪里看），不能有别的内容。',
  'lint.prose.step-title': '标题要写出步骤的名称：`## {id}: <title>`。',
  'lint.prose.no-text': '没有正文：请说明学习者按 Enter 之前，这一步要展示什么。',
  'lint.prose.empty-ran': '`### Once it has run` 下面没有文字：请说明这一步展示了什么，或删掉这个标题。',
  'lint.prose.empty-notes': '`### Notes` 下面没有文字：请写下讲师备注，或删掉这个标题。',
  'lint.prose.no-by-hand': '没有 `### By hand`：一个人手动做同样的事时会输入的命令，写在 `code` 里。',
  'lint.prose.needs-predict': 'lesson.yaml 中有 `predict:`，所以这一节需要 `### Predict`：先写问题，再写选项（`1. `、`2. `…）。',
  'lint.prose.needs-reveal': 'lesson.yaml 中有 `predict:`，所以这一节需要 `### Reveal`：说明正确答案为什么正确。',
  'lint.prose.predict-shape': '`### Predict` 先写问题，再以编号列表写出选项，选项之后不能再有内容。',
  'lint.prose.choices': '`### Predict`：请给出 2 到 5 个选项（学习者用 1-5 键选择）；现在有 {count} 个。',
  'lint.prose.answer': '`### Predict`：lesson.yaml 中的 `answer: {answer}` 在这里没有对应的选项。',
  'lint.prose.no-predict': '`### {keyword}`：lesson.yaml 没有给这一步 `predict:`（它的答案）。',
  'lint.prose.needs-task': 'lesson.yaml 中有 `yourTurn:`，所以这一节需要 `### Your turn`：任务本身。',
  'lint.prose.hints': '`### Hints`：请恰好给出 3 条编号提示：先点拨，再指路（哪个文件或命令），最后给出答案（可以用 {placeholder}）。',
  'lint.prose.no-your-turn': '`### {keyword}`：lesson.yaml 没有给这一步 `yourTurn:`（它的检查和解法）。',

  'lint.teaches.output': '{what}：`output` 可以是 `all`（动作打印的每一行）、`first` 或 `last`（一行），而不是“{value}”。',
  'lint.teaches.no-pane': '{what}：这一步没有{side, select, host {宿主机} other {容器}}窗格（先用 `{side}:` 给它一个探针）。',
  'lint.teaches.no-columns': '{what}：{probe} 窗格是不分列的键值行列表；请用 `rows:` 写出正文读到的行，而不是列“{name}”。',
  'lint.teaches.no-column': '{what}：{probe} 窗格没有“{name}”列；它的列有：{columns}。',
  'lint.teaches.flag': '{what}：`{key}` 只能是 true 或 false。',
  'lint.teaches.pane-columns': '{side, select, host {宿主机} other {容器}} {probe}：{columns, select, none {没有列} other {{columns}}}',
  'lint.teaches.pane-separator': '；',
  'lint.teaches.unknown-column':
    '正文提到了“{name}”列，但这一步没有哪个窗格有这一列（{panes, select, none {它没有窗格} other {{panes}}}）。',
  'lint.teaches.declare-column': '正文指向“{name}”列：请声明它，例如 `{example}`，这样布局会让它留在屏幕上。',

  'lint.translation.missing': '{piece}：译文缺少这一部分，text.md 中有（第 {line} 行）。',
  'lint.translation.no-such-part': '{piece}：text.md 中没有这一部分；译文的标题与 text.md 相同。',
  'lint.translation.kept-missing':
    '{piece}：缺少{kind, select, code {代码片段} placeholder {占位符} other {出处}} {item}（text.md 中{count, plural, =1 {有它} other {有 # 处}}）；请原样保留。',
  'lint.translation.kept-extra':
    '{piece}：{kind, select, code {代码片段} placeholder {占位符} other {出处}} {item} 不在 text.md 中；{kind, select, code {代码片段} placeholder {占位符} other {出处}}必须与英文完全一致。',
  'lint.translation.items': '{piece}：有 {count} 项；text.md 有 {english} 项，顺序也要相同。',
  'lint.translation.english': '{piece}：“{run}”是英文：请翻译它，或把内核名称写在 `code` 里。',
  'lint.translation.not-the-term': '{piece}：用“{wrong}”表示“{term}”：术语表规定的 {lang} 译法是“{right}”。',
  'lint.translation.term-unused': 'text.md 讲到了“{term}”，而这份译文从未使用术语表中的“{word}”。',
  'lint.translation.term-gloss': '{piece}：课程中第一次出现的“{word}”要在括号中附上英文：{word}（{term}）。',

  'lint.glossary.unknown-key': '`{list}`：未知的键“{key}”；每一项包含 `en`、每种语言一个键（`zh-CN`），以及 `not`。',
  'lint.glossary.no-en': '`{list}`：每一项都需要 `en:`，即英文术语。',

  'lint.load.no-dir': '在 {dir} 没有找到课程目录：请给出一个包含课程文件夹的目录（例如 --lessons ./lessons）。',
  'lint.load.folder-name': '课程文件夹“{name}”必须命名为 <order>-<id>，例如 01-pid-namespace。',
  'lint.load.no-yaml': '{name} 中没有 lesson.yaml：请添加一个，或删掉这个文件夹。',
  'lint.load.id-twice': '课程 id“{id}”用了两次（另一个在 {folder}）；id 必须唯一。',
  'lint.load.no-lesson': '{dir} 中没有课程“{id}”。',
  'lint.load.unreadable': '无法读取 lesson.yaml：{error}。',
  'lint.your-turn.no-solution':
    '{what}：缺少 `solution:`，即实验替学习者完成这一步的方式（`--solve`、跳过这一步、讲师的按键）：一个动作，或用 `exec:` 给出一条在容器里运行的命令。',
} satisfies Translation<typeof english>;
