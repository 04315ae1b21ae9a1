/** zh-TW messages (Taiwan usage): lesson engine, runner and plain/JSON output (src/lessons/engine/, runner/, event-lines.ts). */
import type { lessons as english } from '../en/lessons.js';
import type { Translation } from '../translation.js';

export const lessons = {
  'lessons.pane.on-host': '主機上',
  'lessons.pane.in-container': '容器中',
  'lessons.pane.in-named': '{label}中',

  'lessons.plain.lesson': '第 {order} 課：{title}',
  'lessons.plain.step': '第 {number} 步（共 {total} 步）：{title}  [{id}]',
  'lessons.plain.predict': '預測：{question}',
  'lessons.plain.your-turn': '換你了：{task}',
  'lessons.plain.shell': '對應的 shell 指令：{command}',
  'lessons.plain.docker': '在 Docker 中：{command}',
  'lessons.plain.ran': '執行了：',
  'lessons.plain.ran-skipped': '執行了：無（本機無法執行這一步，原因見下方結果）。',
  'lessons.plain.ran-looks': '執行了：無（這一步只是查看）。',
  'lessons.plain.call-failed': '{code}：{text}。{hint}',
  'lessons.plain.live': '即時讀取：執行期間讀取了 {count} 次 {title}：',
  'lessons.plain.pane': '{label}：{title}',
  'lessons.plain.differs': '不同之處（{host} ⟷ {container}）：',
  'lessons.plain.same': '{host}和{container}顯示的內容相同。',
  'lessons.plain.answer': '答案：{number}) {choice}{ends, select, sentence {} other {。}}{reveal}',
  'lessons.plain.checked':
    '--solve 給出的答案：{answer}。檢查：{ok, select, yes {通過} other {未通過}}。{message, select, none {} other {{message}}}',
  'lessons.plain.put-back': '實驗已還原：',
  'lessons.plain.put-back-failed': '還原失敗：{message}',
  'lessons.plain.result':
    '結果：{status, select, done {完成} failed {失敗} skipped {已略過} other {已取消}}，耗時 {time}。{message, select, none {} other {{message}}}{hint, select, none {} other {提示：{hint}}}',
  'lessons.plain.awaiting':
    '停在第 {number} 步（{step}）：換你了。執行 `container-lab lesson {id} --plain --solve` 讓實驗替你完成，或開啟實驗（`sudo container-lab`）自己動手。',
  'lessons.plain.failed-at': '「{title}」的第 {number} 步（{step}）失敗了（見上面它的 FAILED 結果）：{why}',
  'lessons.plain.all-ran': '「{title}」的每一步都執行了。',
  'lessons.plain.all-ran-except': '「{title}」的每一步都執行了，只有本機無法執行的 {count} 步除外（已略過：{steps}）。',
  'lessons.plain.read-more': '延伸閱讀：',

  'lessons.step.cancelled': '已取消（Esc）：實驗停止了這一步。按 Enter 重新執行。',
  'lessons.step.needs-process': '這一步需要 {ref}，它由前面的某一步啟動：請返回（←）先執行那一步。',
  'lessons.step.no-answer': '解法已執行，但檢查在實際狀態中找不到答案。',
  'lessons.step.cannot-run-here': '這一步無法在本機執行：{why}',
  'lessons.step.no-your-turn': '步驟 {id} 沒有「換你了」任務。',
  'lessons.step.no-such-step': '課程 {lesson} 沒有第 {number} 步。',
  'lessons.container.unknown': '本課沒有名為「{name}」的容器。',
  'lessons.container.ended':
    '容器的 PID 1 已經結束（{signal, select, none {結束狀態 {code}} other {被 {signal} 終止}}），它的 PID 命名空間也隨之結束：裡面已經沒有東西可看了。',
  'lessons.container.not-started': '容器還沒有啟動：請先執行啟動它的那一步（← 返回）。',
  'lessons.container.not-running': '容器沒有在執行。',
  'lessons.ref.process-not-running': '{ref} 沒有在執行：請先執行啟動它的那一步（← 返回）。',
  'lessons.ref.container-not-started': '容器還沒有啟動：請先執行啟動它的那一步。',
  'lessons.ref.unresolved': '無法解析 {ref}。',

  'lessons.template.lab': '實驗本身的 PID',
  'lessons.template.lab-command': '<實驗的 PID>',
  'lessons.template.container': '容器在主機上的 PID',
  'lessons.template.container-command': '<容器的 PID>',
  'lessons.template.named-container': '容器 {name} 在主機上的 PID',
  'lessons.template.host-pid-command': '<{name} 的主機 PID>',
  'lessons.template.process-host': '{name} 在主機上的 PID',
  'lessons.template.process-inside': '{name} 在容器內的 PID',
  'lessons.template.process-inside-command': '<{name} 在容器內的 PID>',

  'lessons.host.title': '課程步驟所需的主機程式',
  'lessons.host.all-there': '每個課程步驟要執行的主機程式都已安裝（{programs}）',
  'lessons.host.none': '無',
  'lessons.host.skipped':
    '{count, plural, =1 {將略過 1 個步驟（{steps}）：它需要執行 {missing}} other {將略過 # 個步驟（{steps}）：它們需要執行 {missing}}}',
  'lessons.host.missing':
    '{how, select, several {{names}，這些程式都沒有安裝} one {{names}，但它沒有安裝} two {{names}，但兩者都沒有安裝} other {{names}，但都沒有安裝}}',
  'lessons.host.either': '{first} 或 {second}',
  'lessons.host.fix': '`{command}`：裝好之後，{count, plural, =1 {這一步} other {這 # 個步驟}}就會執行，不再略過。',
  'lessons.host.fix-package':
    '請安裝提供 `{program}` 的套件：裝好之後，{count, plural, =1 {這一步} other {這 # 個步驟}}就會執行，不再略過。',

  'lessons.transcript.session': '# container-lab 學習紀錄，{at}',
  'lessons.transcript.lesson': '## 第 {order} 課：{title}',
  'lessons.transcript.step': '### 第 {number} 步（共 {total} 步）：{title}',
  'lessons.transcript.predict': '**預測：** {question}',
  'lessons.transcript.predicted': '**你的預測：** {choice}（{right, select, yes {答對了} other {這次沒答對}}）',
  'lessons.transcript.answer': '**答案：** {choice}{ends, select, sentence {} other {。}}{reveal}',
  'lessons.transcript.your-turn': '**換你了：** {task}',
  'lessons.transcript.ran': '**執行了什麼**（手動：`{shell}`）：',
  'lessons.transcript.ran-nothing': '**執行了什麼：** 無（這一步只是查看）。',
  'lessons.transcript.pane': '**{label}：** {title}',
  'lessons.transcript.checked':
    '**你的答案：** {answer}。**檢查：** {ok, select, yes {通過} other {還沒通過}}。{message, select, none {} other {{message}}}',
  'lessons.transcript.put-back': '**實驗已還原：**',
  'lessons.transcript.put-back-failed': '還原失敗：{message}',
  'lessons.transcript.result':
    '_結果：{status, select, done {完成} failed {失敗} skipped {已略過} other {已取消}}，耗時 {time}。{message, select, none {} other {{message}}}_',
  'lessons.transcript.looked-again': '**在容器的 shell 裡操作之後重新讀取**（{title}）：',
  'lessons.transcript.reset': '_已重設：本課的容器已刪除；每一步會重新啟動它需要的東西。_',
  'lessons.transcript.no-dir': '--transcript {file}：目錄 {dir} 不存在；請先建立它，或指定一個已存在目錄中的檔案。',
  'lessons.transcript.is-dir': '--transcript {file} 是一個目錄：請指定一個檔案來寫入學習紀錄。',

  'lessons.notes.title': '# 講師手冊：{title}（`{id}`）',
  'lessons.notes.length':
    '第 {order} 課 · {steps, plural, other {# 個步驟}} · 約 {minutes} 分鐘{untimed, plural, =0 {} other {（另有 # 個步驟未標時長）}}',
  'lessons.notes.step': '## {number}. {title}（`{id}`）{minutes, select, none {} other { · {minutes} 分鐘}}',
  'lessons.notes.predict': '**預測：** {question}',
  'lessons.notes.right': '**{choice}**（正確）',
  'lessons.notes.why': '**原因：** {reveal}',
  'lessons.notes.task': '**換你了：** {task}',
  'lessons.notes.solution': '**解法：** {how}',
  'lessons.notes.solution-action': '`{action}`{args, select, none {} other {，參數 {args}}}{summary, select, none {} other {：{summary}}}',
  'lessons.notes.hints': '**提示**，依學員看到的順序：',
  'lessons.notes.answer-hint': '（答案，從這台機器上讀取）',
  'lessons.notes.notes': '**備註：**',
  'lessons.notes.no-notes': '_這一步沒有備註。_',
  'lessons.notes.name-one': 'container-lab notes：請指定一課；可選的課程有 {ids}。',
  'lessons.notes.no-such': 'container-lab notes：沒有「{id}」這一課；可選的課程有 {ids}。',
  'lessons.plain.check-not-passed': '它的檢查沒有通過',
} satisfies Translation<typeof english>;
