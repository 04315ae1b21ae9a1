/** zh-TW messages (Taiwan usage): workshop mode (fast-forward, undo, solutions, `reset`, `--step`). */
import type { Translation } from '../translation.js';
import type { workshop as english } from '../en/workshop.js';
export const workshop = {
  'workshop.needs-root': 'doctor --workshop 需要 root 權限（它會為每一課啟動並刪除一個容器）：請用 sudo 重新執行。',
  'workshop.lab-running':
    '有一個 container-lab 正在執行（PID {pid}）：請先離開它（在它的視窗裡按 q），再重新執行 doctor --workshop；課前檢查從不在執行中的實驗旁邊啟動容器。',
  'workshop.heading': '課前檢查：每課一個容器，依課程的方式啟動並刪除',
  'workshop.ready': '就緒',
  'workshop.will-skip': '{count, plural, other {將略過 # 步}}',
  'workshop.cannot-run': '無法執行',
  'workshop.ran-step': '（{step} 執行耗時 {seconds} 秒）',
  'workshop.why': '原因：{reason}',
  'workshop.fix': '解決：{fix}',
  'workshop.step-failed': '它的步驟 {step} 失敗了：{message}',
  'workshop.failed-fix':
    '執行 `sudo container-lab lesson {lesson} --plain` 看看在哪裡失敗；如果當掉的實驗留下了東西，先用 `sudo container-lab cleanup` 把它刪掉。',
  'workshop.left-behind': '課前檢查無法刪除 {what}；`sudo container-lab cleanup` 會刪除能刪除的部分。',
  'workshop.still-mounted': '{dir}（{mounts} 仍掛載在那裡）',
  'workshop.summary':
    'container-lab {version} · 核心 {kernel} · cgroup {cgroup} · {ready} 課就緒{willSkip, plural, =0 {} other {，{willSkip} 課將略過 {steps, plural, other {# 步}}}}{cannotRun, plural, =0 {} other {，{cannotRun} 課無法執行}}',
  'workshop.list-separator': '、',
  'workshop.sentence-separator': '；',

  'workshop.ff.done': '已快轉{count, plural, other {第 {steps} 步}}，耗時 {duration}。',
  'workshop.ff.stopped': '快轉停在了第 {step} 步（{id}）：{reason}',
  'workshop.ff.running': '正在快轉到第 {target} 步：執行第 {step} 步（{id}）…（Esc 取消）',
  'workshop.ff.not-started': '這一步執行之前就已取消：按 Enter 執行它。',

  'workshop.undo.not-run': '這一步還沒有執行，沒有什麼可復原的。',
  'workshop.undo.nothing': '這一步只是查看：它什麼也沒改，沒有什麼可復原的。',
  'workshop.undo.put-back': '這一步弄壞的東西，實驗在它執行後已經立刻復原了。',
  'workshop.undo.cannot': '這一步無法單獨復原（{why}）：按 r 重設本課。',
  'workshop.undo.unknown-action': '實驗不知道如何收回 `{action}` 所做的變更',
  'workshop.undo.done': '已復原：{what}。按 Enter 重新執行這一步。',
  'workshop.undo.done-quietly': '已復原：這一步變更的東西已恢復原狀。按 Enter 重新執行這一步。',
  'workshop.undo.failed': '復原失敗：{why}。按 r 重設本課。',
  'workshop.undo.failed-unsaid': '復原失敗：請查看執行了什麼。按 r 重設本課。',

  'workshop.solution.exec': '在{where, select, named {容器 {container} } other {容器}}的 shell 中輸入 `{command}`',
  'workshop.solution.action': '`{action}`{args, select, none {} other {（{args}）}}',
  'workshop.solution.action-does': '`{action}`{args, select, none {} other {（{args}）}}：{summary}',

  'workshop.reset.ask-all': '要重設全部 {count} 課的進度嗎？[y/N]',
  'workshop.reset.ask-one': '要重設課程 {lesson} 的進度嗎？[y/N]',
  'workshop.reset.no-terminal': 'reset 清除進度前要先詢問，但這裡沒有可以詢問的終端機：加上 --yes 即可不經詢問直接重設。',
  'workshop.reset.lab-running': '有一個實驗正在執行（PID {pid}），它持有你的進度：請先離開它（q），再重設。什麼也沒有變更。',
  'workshop.reset.lock-unreadable': '無法判斷是否有實驗在執行（{dir} 屬於 root）：請執行 `sudo container-lab reset`。什麼也沒有變更。',
  'workshop.reset.kept': '什麼也沒有重設。',
  'workshop.reset.done-all': '全部 {count} 課的進度已重設（{file}）：每一課都從第 1 步重新開始。',
  'workshop.reset.done-one': '課程 {lesson} 的進度已重設（{file}）：它從第 1 步重新開始。',
  'workshop.reset.one-lesson': 'reset 最多只接受一課：container-lab reset [<lesson>] [--yes]。',

  'workshop.step.bad': '--step "{ref}" 不是 {lesson} 的步驟：請給出 1 到 {count} 之間的編號，或步驟 id（{ids}）。',
} satisfies Translation<typeof english>;
