/** zh-TW messages: lesson lint messages (src/lessons/validate-*.ts, lint-command.ts, yaml-file.ts, …). */
import type { lint as english } from '../en/lint.js';
import type { Translation } from '../translation.js';

export const lint = {
  'lint.ok': '通過  {id}{lang, select, en {} other {（{lang}）}}：{steps} 個步驟',
  'lint.problems': '發現 {count} 個問題；請修正後再執行一次 lint-lessons。',
  'lint.checked': '已檢查 {lessons} 個課程{languages, plural, =1 {} other {（# 種語言）}}，沒有問題。',

  'lint.label.at': '{what}：{message}',
  'lint.label.key': '{what}：`{key}`',
  'lint.label.step': '步驟「{id}」',
  'lint.label.step-index': '第 {index} 個步驟',
  'lint.label.step-subject': '第 {index} 個步驟',
  'lint.label.call': '{what}：{kind, select, action {動作} probe {探針} other {檢查}}「{name}」',
  'lint.label.container': '容器「{name}」',
  'lint.label.each-entry': '{what} 的每一項',
  'lint.label.glossary-entry': '`{list}` 中的一項',
  'lint.label.rows': '{what}：`rows`（列鍵的清單，或 `all`）',
  'lint.label.intro': '引言',
  'lint.label.step-title': '`## {id}` 的標題',

  'lint.yaml.syntax': 'YAML 語法錯誤：{message}。',
  'lint.yaml.mapping': '{what}：必須是由 `key: value` 行組成的對映。',
  'lint.yaml.list': '{what}：必須是清單（以 `- ` 開頭的行）。',
  'lint.yaml.text': '{what}：必須是非空白的文字。',
  'lint.yaml.prose-key': '{what}：`{key}` 是內文，請寫在 text.md 的 {heading} 底下。',
  'lint.yaml.unknown-key': '{what}：未知的鍵「{key}」；應為下列之一：{known}。',
  'lint.yaml.missing-key': '{what}：缺少 `{key}:`。',

  'lint.type.string': '文字',
  'lint.type.argv': '字串清單（一個指令及其參數）',
  'lint.type.integer': '介於 {min} 到 {max} 的整數',
  'lint.type.enum': '下列之一：{values}',
  'lint.type.list': '由下列任意幾項組成的清單：{values}',
  'lint.type.name': '由小寫字母、數字和連字號組成的名稱',
  'lint.type.inner-path': 'overlay 內的相對路徑，例如 app/config.json（不以 / 開頭，也不含 ..）',
  'lint.type.pid-ref': '一個行程：{help}',
  'lint.type.pid-ref-help':
    '`lab`（實驗本身）、`container` 或 `container.NAME`（容器的 PID 1）、`process.NAME`（某個步驟啟動的行程），或一個數字',
  'lint.template.no-process': '「{placeholder}」沒有指出行程；`{side}:` 後面應寫 {help}。',

  'lint.args.unknown': '{what}：未知的參數「{name}」；{count, plural, =0 {它不接受參數} other {它接受 {known}}}。',
  'lint.args.missing': '{what}：缺少參數 `{name}:`（{doc}）。',
  'lint.args.must-be': '{what}：必須是{type}。',

  'lint.call.unknown': '{what}：未知的{kind, select, action {動作} probe {探針} other {檢查}}「{name}」；已知的有：{known}。',
  'lint.call.shape': '{what}：必須是{kind, select, action {動作} probe {探針} other {檢查}}名稱，或是含有 `{kind}:` 及其參數的對映。',
  'lint.call.missing': '{what}：缺少 `{kind}:`（下列之一：{known}）。',

  'lint.lesson.empty': 'lesson.yaml 是空的：它至少需要 `steps:`。',
  'lint.lesson.unknown-feature': '`requires`：未知的主機功能 {features}；已知的有：{known}。',
  'lint.lesson.container-and-containers': '請用 `container:`（一個容器）或 `containers:`（多個容器，依名稱），不要兩者都用。',
  'lint.lesson.no-steps': '`steps` 是空的：一個課程至少需要一個步驟。',
  'lint.lesson.step-twice': '步驟「{id}」出現了兩次（第一次在第 {line} 行）；步驟 id 不可重複。',
  'lint.lesson.no-text': 'text.md 不存在：請把課程的內文寫在那裡（見 lessons/README.md）。',

  'lint.step.id': '{what}：id 只能由小寫字母、數字和連字號組成（它也是 text.md 中的 `## {id}` 標題）。',
  'lint.step.both-forms': '{what}：要嘛單獨用 `both:`，要嘛用 `host:` 和 `container:`，不要兩種寫法都用。',
  'lint.step.in-unknown': '{what}：`in: {name}` 不是本課程的容器之一（{names}）。',
  'lint.step.milliseconds': '{what}：`{key}` 必須是介於 {min} 到 {max} 的整數毫秒數。',
  'lint.step.answer': '{what}：`answer` 必須是 text.md 的 `### Predict` 中正確選項的編號，1 到 5。',
  'lint.step.unknown-feature': '{what}：未知的主機功能 {features}；已知的有：{known}（即 `container-lab doctor` 的檢查項目 id）。',
  'lint.step.unknown-program':
    '{what}：`needs`：未知的主機程式 {programs}；已知的有：{known}（在容器內執行的程式隨實驗附帶，從來不是主機的需求）。',
  'lint.step.program-declared': '{what}：`needs`：動作 `{action}` 已經宣告了 {program}；請從這裡刪除它。',

  'lint.container.bad-name': '容器名稱「{name}」只能由小寫字母、數字和連字號組成。',
  'lint.container.none': '`containers:` 必須至少列出一個容器。',
  'lint.container.hostname': '{what}：主機名稱「{hostname}」只能由小寫字母、數字和連字號組成。',
  'lint.container.unknown-capability': '{what}：未知的能力 {capabilities}（名稱見 capabilities(7)）。',
  'lint.container.no-new-privs': '{what}：`noNewPrivs` 必須是 true 或 false。',
  'lint.container.unknown-namespace': '{what}：未知的命名空間類型 {kinds}；已知的有：{known}。',
  'lint.container.unmade-namespace':
    '{what}：實驗的執行環境還不會建立 {kind} 命名空間（它會建立 {known}）；要求這種命名空間的容器實際上會在沒有它的情況下執行。',
  'lint.container.needs-mnt': '{what}：`namespaces` 必須包含 mnt（實驗容器的根是它自己的掛載命名空間中的一個 overlay 掛載）。',
  'lint.container.limit': '{what}：`limits.{key}` 必須是{key, select, cpus {正數} other {正整數}}。',

  'lint.refs.not-started': '步驟「{step}」：{ref} 不是由這一步或之前的步驟啟動的（請用含有 `name: {name}` 的 {starters} 動作啟動它）。',
  'lint.refs.no-container': '步驟「{step}」：{ref} 指的不是本課程的容器（{names}）。',
  'lint.refs.not-a-container': '步驟「{step}」：容器「{name}」不是本課程的容器之一（{names}）。',
  'lint.refs.by-hand': '步驟「{step}」：`### By hand` 用到了 {ref}，但到這一步為止沒有步驟啟動它。',

  'lint.text.title-twice': '一個文字檔只有一行 `# <lesson title>`，位於開頭。',
  'lint.text.step-heading': '`{line}`：步驟的標題是 `## <step-id>: <title>`，id 與 lesson.yaml 中的一致。',
  'lint.text.unknown-heading':
    '`### {heading}`：{where, select, lesson {第一個步驟之前} other {步驟中}}的未知標題；那裡可用的標題是 {known}（保留英文）。',
  'lint.text.part-twice': '`### {heading}` 出現了兩次（第一次在第 {line} 行）。',
  'lint.text.heading-level': '`{line}`：標題只有 `#`（課程）、`##`（步驟）和 `###`（兩者中的一部分）。',

  'lint.prose.in-step': '`## {id}`：{message}',
  'lint.prose.in-part': '`### {keyword}`：{message}',
  'lint.prose.no-step': '`## {id}` 與 lesson.yaml 中的任何步驟都對不上（步驟 id：{ids}）。',
  'lint.prose.step-twice': '`## {id}` 出現了兩次（第一次在第 {line} 行）。',
  'lint.prose.no-section': '步驟「{id}」（lesson.yaml 第 {line} 行）沒有 `## {id}: <title>` 這一節。',
  'lint.prose.no-title': '文字檔應以 `# <lesson title>` 開頭。',
  'lint.prose.no-summary': '課程在第一個步驟之前需要 `### Summary`（主畫面上顯示的一行）。',
  'lint.prose.empty-part': '`### {keyword}` 底下沒有文字。',
  'lint.prose.read-more': '`### Read more` 只能是一個 `- ` 清單（說明頁，以及該去哪份原始碼的哪裡看），不能有別的內容。',
  'lint.prose.step-title': '標題要寫出步驟的名稱：`## {id}: <title>`。',
  'lint.prose.no-text': '沒有內文：請說明學習者按 Enter 之前，這一步要展示什麼。',
  'lint.prose.empty-ran': '`### Once it has run` 底下沒有文字：請說明這一步展示了什麼，或刪除這個標題。',
  'lint.prose.empty-notes': '`### Notes` 底下沒有文字：請寫下講師備註，或刪除這個標題。',
  'lint.prose.no-by-hand': '沒有 `### By hand`：一個人手動做同樣的事時會輸入的指令，寫在 `code` 裡。',
  'lint.prose.needs-predict': 'lesson.yaml 中有 `predict:`，所以這一節需要 `### Predict`：先寫問題，再寫選項（`1. `、`2. `…）。',
  'lint.prose.needs-reveal': 'lesson.yaml 中有 `predict:`，所以這一節需要 `### Reveal`：說明正確答案為什麼正確。',
  'lint.prose.predict-shape': '`### Predict` 先寫問題，再以編號清單寫出選項，選項之後不能再有內容。',
  'lint.prose.choices': '`### Predict`：請給出 2 到 5 個選項（學習者用 1-5 鍵選擇）；現在有 {count} 個。',
  'lint.prose.answer': '`### Predict`：lesson.yaml 中的 `answer: {answer}` 在這裡沒有對應的選項。',
  'lint.prose.no-predict': '`### {keyword}`：lesson.yaml 沒有給這一步 `predict:`（它的答案）。',
  'lint.prose.needs-task': 'lesson.yaml 中有 `yourTurn:`，所以這一節需要 `### Your turn`：任務本身。',
  'lint.prose.hints': '`### Hints`：請剛好給出 3 條編號提示：先點撥，再指路（哪個檔案或指令），最後給出答案（可以用 {placeholder}）。',
  'lint.prose.no-your-turn': '`### {keyword}`：lesson.yaml 沒有給這一步 `yourTurn:`（它的檢查和解法）。',

  'lint.teaches.output': '{what}：`output` 可以是 `all`（動作印出的每一行）、`first` 或 `last`（一行），而不是「{value}」。',
  'lint.teaches.no-pane': '{what}：這一步沒有{side, select, host {主機} other {容器}}窗格（先用 `{side}:` 給它一個探針）。',
  'lint.teaches.no-columns': '{what}：{probe} 窗格是不分欄的鍵值列清單；請用 `rows:` 寫出內文讀到的列，而不是欄「{name}」。',
  'lint.teaches.no-column': '{what}：{probe} 窗格沒有「{name}」欄；它的欄有：{columns}。',
  'lint.teaches.flag': '{what}：`{key}` 只能是 true 或 false。',
  'lint.teaches.pane-columns': '{side, select, host {主機} other {容器}} {probe}：{columns, select, none {沒有欄} other {{columns}}}',
  'lint.teaches.pane-separator': '；',
  'lint.teaches.unknown-column':
    '內文提到了「{name}」欄，但這一步沒有哪個窗格有這一欄（{panes, select, none {它沒有窗格} other {{panes}}}）。',
  'lint.teaches.declare-column': '內文指向「{name}」欄：請宣告它，例如 `{example}`，這樣版面會讓它留在螢幕上。',

  'lint.translation.missing': '{piece}：譯文缺少這一部分，text.md 中有（第 {line} 行）。',
  'lint.translation.no-such-part': '{piece}：text.md 中沒有這一部分；譯文的標題與 text.md 相同。',
  'lint.translation.kept-missing':
    '{piece}：缺少{kind, select, code {程式碼片段} placeholder {佔位符} other {出處}} {item}（text.md 中{count, plural, =1 {有它} other {有 # 處}}）；請原樣保留。',
  'lint.translation.kept-extra':
    '{piece}：{kind, select, code {程式碼片段} placeholder {佔位符} other {出處}} {item} 不在 text.md 中；{kind, select, code {程式碼片段} placeholder {佔位符} other {出處}}必須與英文完全一致。',
  'lint.translation.items': '{piece}：有 {count} 項；text.md 有 {english} 項，順序也要相同。',
  'lint.translation.english': '{piece}：「{run}」是英文：請翻譯它，或把核心名稱寫在 `code` 裡。',
  'lint.translation.not-the-term': '{piece}：用「{wrong}」表示「{term}」：術語表規定的 {lang} 譯法是「{right}」。',
  'lint.translation.term-unused': 'text.md 講到了「{term}」，而這份譯文從未使用術語表中的「{word}」。',
  'lint.translation.term-gloss': '{piece}：課程中第一次出現的「{word}」要在括號中附上英文：{word}（{term}）。',

  'lint.glossary.unknown-key': '`{list}`：未知的鍵「{key}」；每一項包含 `en`、每種語言一個鍵（`zh-CN`），以及 `not`。',
  'lint.glossary.no-en': '`{list}`：每一項都需要 `en:`，即英文術語。',

  'lint.load.no-dir': '在 {dir} 找不到課程目錄：請給出一個包含課程資料夾的目錄（例如 --lessons ./lessons）。',
  'lint.load.folder-name': '課程資料夾「{name}」必須命名為 <order>-<id>，例如 01-pid-namespace。',
  'lint.load.no-yaml': '{name} 中沒有 lesson.yaml：請加入一個，或刪除這個資料夾。',
  'lint.load.id-twice': '課程 id「{id}」用了兩次（另一個在 {folder}）；id 不可重複。',
  'lint.load.no-lesson': '{dir} 中沒有課程「{id}」。',
  'lint.load.unreadable': '無法讀取 lesson.yaml：{error}。',
  'lint.your-turn.no-solution':
    '{what}：缺少 `solution:`，也就是實驗替學習者完成這一步的方式（`--solve`、跳過這一步、講師的按鍵）：一個動作，或用 `exec:` 給出一條在容器裡執行的指令。',
} satisfies Translation<typeof english>;
