/** zh-CN messages: CLI usage, help and messages (src/cli.ts, src/cli/). */
import type { cli as english } from '../en/cli.js';
import type { Translation } from '../translation.js';

export const cli = {
  'cli.help': `container-lab —— 运行真实的 Linux 原语，弄懂容器如何工作。

用法：
  sudo container-lab [--presenter] [--transcript FILE] [--lessons DIR]
      打开实验（交互式终端应用）；--presenter 在每一步的说明下
      显示讲师备注；--transcript 把这次学习过程以 Markdown 写入 FILE
  sudo container-lab lesson <id> --step <n|step-id> [--lessons DIR]
      在那一步打开实验（用编号或步骤 id 指定）；它之前的步骤会被快进，
      机器的状态和一步步走到那里时完全一样
  sudo container-lab lesson <id> [--plain | --json] [--step <n|step-id>]
                     [--solve] [--transcript FILE] [--lessons DIR]
      不用界面运行一课的步骤，从第一步或 --step 指定的那一步开始，
      到第一个“轮到你”的步骤为止；加 --solve 则运行所有步骤，
      每个“轮到你”的步骤都用它的解法完成并检查
  sudo container-lab run [--hostname H] [--memory 32m] [--pids 20] [--cpus 0.5]
                         [--cap-drop CAP]... [--verbose] [-- CMD...]
      一个沙盒容器；默认打开交互式 shell
  container-lab doctor [--json]
      检查本机能否运行每一课
  sudo container-lab doctor --workshop [--json]
      工作坊的课前检查：还会为每一课启动并删除一个容器，逐课说明能否运行
  container-lab notes <id> [--lessons DIR]
      一课的讲师讲义（Markdown 格式）
  container-lab reset [<lesson>] [--yes] [--lessons DIR]
      先询问，再清除你的进度（所有课程，或其中一课）；--yes 跳过询问
  sudo container-lab cleanup
      删除崩溃的实验留下的东西
  container-lab lint-lessons [DIR]
      检查课程文件
  container-lab --version | --help

每个命令都接受 --lang en|zh-CN|zh-TW；不指定时，实验使用你上次在主屏幕上
（按 l）选择的语言，否则使用你的 locale（LC_ALL、LC_MESSAGES、LANG）的语言，
再否则使用英语。

课程：pid-namespace、mount-namespace、cgroups、overlay、whiteouts、veth-bridge、
capabilities。
`,
  'cli.see-help': '参见 `container-lab --help`。',
  'cli.hint': '提示：{hint}',
  'cli.lang.unknown': '--lang "{lang}" 不是本实验支持的语言：请用 en、zh-CN 或 zh-TW。',
  'cli.unknown-command': '"{command}" 不是 container-lab 的命令。',
  'cli.no-shim': '缺少 dist/shim.js：请先运行 `npm run build`。',
  'cli.needs-root':
    '{what, select, run {run 命令} cleanup {cleanup 命令} lesson {运行课程} other {本实验}}需要 root 权限：请用 sudo 重新运行。',
  'cli.needs-root-why':
    '{what, select, run {run 命令} cleanup {cleanup 命令} lesson {运行课程} other {本实验}}需要 root 权限（{why, select, namespaces {要用到命名空间、挂载和控制组} other {{why}}}）：请用 sudo 重新运行。',
  'cli.bad-memory': '--memory "{value}" 不是本实验接受的大小：至少 4m，例如 --memory 32m（单位 k、m、g）。',
  'cli.bad-pids': '--pids "{value}" 必须是不小于 1 的进程数，例如 --pids 20。',
  'cli.bad-cpus': '--cpus "{value}" 必须是 CPU 数量，例如 0.5 或 2。',
  'cli.bad-cap':
    '--cap-drop "{value}" 不是这个内核认识的能力（capability）；试试 NET_RAW 或 CAP_SYS_ADMIN 这样的名字（见 `man 7 capabilities`）。',
  'cli.bad-hostname': '--hostname "{value}" 必须由 1-63 个字母、数字或连字符组成，并以字母或数字开头。',
  'cli.lint-one-dir': 'lint-lessons 最多接受一个目录。',
  'cli.name-one-lesson': '请指定一课：container-lab lesson <id> --plain（课程 id 见 `container-lab --help`）。',
  'cli.one-output': '请只选一种输出：--plain 或 --json。',
  'cli.lesson-broken': '课程 "{id}" 有问题（见上方）；请修正，或运行 `container-lab lint-lessons`。',
  'cli.no-such-lesson': '没有课程 "{id}"。这里的课程有：{ids}。',
  'cli.no-lessons-here': '没有课程 "{id}"，这里也没有任何课程。',
  'cli.cleanup.removed': '已删除 {what}',
  'cli.cleanup.gone': '早已不存在：{what}',
  'cli.cleanup.failed': '无法删除 {what}：{error}',
  'cli.cleanup.nothing': '没有需要清理的：账本（ledger）是空的。',
  'cli.cleanup.busy': 'cleanup 只删除已停止的实验留下的东西。',
  'cli.doctor.line': '{title}：{detail}',
  'cli.doctor.ok': '正常',
  'cli.doctor.warn': '警告',
  'cli.doctor.fail': '失败',
  'cli.run.oom':
    '内核的 OOM killer 杀死了容器里的 {count} 个进程（内存上限{limit, select, none {} other {为 {limit}}}{peak, select, none {} other {，最多用到 {peak}}}）{signal, select, none {} other {；1 号进程被 {signal} 结束}}。',
} satisfies Translation<typeof english>;
