/** zh-TW messages (Taiwan usage): CLI usage, help and messages (src/cli.ts, src/cli/). */
import type { cli as english } from '../en/cli.js';
import type { Translation } from '../translation.js';

export const cli = {
  'cli.help': `container-lab —— 執行真正的 Linux 原語，弄懂容器如何運作。

用法：
  sudo container-lab [--presenter] [--transcript FILE] [--lessons DIR]
      開啟實驗（互動式終端機應用程式）；--presenter 在每一步的說明下
      顯示講師備註；--transcript 把這次學習過程以 Markdown 寫入 FILE
  sudo container-lab lesson <id> --step <n|step-id> [--lessons DIR]
      在那一步開啟實驗（用編號或步驟 id 指定）；它之前的步驟會被快轉，
      機器的狀態和一步步走到那裡時完全一樣
  sudo container-lab lesson <id> [--plain | --json] [--step <n|step-id>]
                     [--solve] [--transcript FILE] [--lessons DIR]
      不用介面執行一課的步驟，從第一步或 --step 指定的那一步開始，
      到第一個「換你了」的步驟為止；加 --solve 則執行所有步驟，
      每個「換你了」的步驟都用它的解法完成並檢查
  sudo container-lab run [--hostname H] [--memory 32m] [--pids 20] [--cpus 0.5]
                         [--cap-drop CAP]... [--verbose] [-- CMD...]
      一個沙盒容器；預設開啟互動式 shell
  container-lab doctor [--json]
      檢查本機能否執行每一課
  sudo container-lab doctor --workshop [--json]
      工作坊的課前檢查：還會為每一課啟動並移除一個容器，逐課說明能否執行
  container-lab notes <id> [--lessons DIR]
      一課的講師講義（Markdown 格式）
  container-lab reset [<lesson>] [--yes] [--lessons DIR]
      先詢問，再清除你的進度（所有課程，或其中一課）；--yes 跳過詢問
  sudo container-lab cleanup
      移除當掉的實驗留下的東西
  container-lab lint-lessons [DIR]
      檢查課程檔案
  container-lab --version | --help

每個指令都接受 --lang en|zh-CN|zh-TW；未指定時，實驗使用你上次在主畫面上
（按 l）選擇的語言，否則使用你的 locale（LC_ALL、LC_MESSAGES、LANG）的語言，
再否則使用英文。

課程：pid-namespace、mount-namespace、cgroups、overlay、whiteouts、veth-bridge、
capabilities。
`,
  'cli.see-help': '請參閱 `container-lab --help`。',
  'cli.hint': '提示：{hint}',
  'cli.lang.unknown': '--lang "{lang}" 不是本實驗支援的語言：請用 en、zh-CN 或 zh-TW。',
  'cli.unknown-command': '"{command}" 不是 container-lab 的指令。',
  'cli.no-shim': '缺少 dist/shim.js：請先執行 `npm run build`。',
  'cli.needs-root':
    '{what, select, run {run 指令} cleanup {cleanup 指令} lesson {執行課程} other {本實驗}}需要 root 權限：請用 sudo 重新執行。',
  'cli.needs-root-why':
    '{what, select, run {run 指令} cleanup {cleanup 指令} lesson {執行課程} other {本實驗}}需要 root 權限（{why, select, namespaces {要用到命名空間、掛載和控制組} other {{why}}}）：請用 sudo 重新執行。',
  'cli.bad-memory': '--memory "{value}" 不是本實驗接受的大小：至少 4m，例如 --memory 32m（單位 k、m、g）。',
  'cli.bad-pids': '--pids "{value}" 必須是不小於 1 的行程數，例如 --pids 20。',
  'cli.bad-cpus': '--cpus "{value}" 必須是 CPU 數量，例如 0.5 或 2。',
  'cli.bad-cap':
    '--cap-drop "{value}" 不是這個核心認得的能力（capability）；試試 NET_RAW 或 CAP_SYS_ADMIN 這樣的名稱（見 `man 7 capabilities`）。',
  'cli.bad-hostname': '--hostname "{value}" 必須由 1-63 個字母、數字或連字號組成，並以字母或數字開頭。',
  'cli.lint-one-dir': 'lint-lessons 最多接受一個目錄。',
  'cli.name-one-lesson': '請指定一課：container-lab lesson <id> --plain（課程 id 見 `container-lab --help`）。',
  'cli.one-output': '請只選一種輸出：--plain 或 --json。',
  'cli.lesson-broken': '課程 "{id}" 有問題（見上方）；請修正，或執行 `container-lab lint-lessons`。',
  'cli.no-such-lesson': '沒有課程 "{id}"。這裡的課程有：{ids}。',
  'cli.no-lessons-here': '沒有課程 "{id}"，這裡也沒有任何課程。',
  'cli.cleanup.removed': '已移除 {what}',
  'cli.cleanup.gone': '早已不存在：{what}',
  'cli.cleanup.failed': '無法移除 {what}：{error}',
  'cli.cleanup.nothing': '沒有需要清理的：帳本（ledger）是空的。',
  'cli.cleanup.busy': 'cleanup 只移除已停止的實驗留下的東西。',
  'cli.doctor.line': '{title}：{detail}',
  'cli.doctor.ok': '正常',
  'cli.doctor.warn': '警告',
  'cli.doctor.fail': '失敗',
  'cli.run.oom':
    '核心的 OOM killer 終止了容器裡的 {count} 個行程（記憶體上限{limit, select, none {} other {為 {limit}}}{peak, select, none {} other {，最多用到 {peak}}}）{signal, select, none {} other {；1 號行程被 {signal} 結束}}。',
} satisfies Translation<typeof english>;
