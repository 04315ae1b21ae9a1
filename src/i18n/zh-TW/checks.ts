/** zh-TW messages (Taiwan usage): check verdicts of your-turn steps (src/lessons/checks/). */
import type { checks as english } from '../en/checks.js';
import type { Translation } from '../translation.js';

export const checks = {
  'checks.host-pid.prompt': '主機 PID',
  'checks.host-pid.not-running': '容器沒有在執行：按 r 重設本課，然後重新啟動你的行程。',
  'checks.host-pid.not-a-pid': '「{answer}」不是 PID：請輸入一個整數，例如你在主機上找到的那個。',
  'checks.host-pid.pid-1': '{pid} 是容器的 PID 1（隨容器一起啟動的 shell）。請找出你自己啟動的那個行程。',
  'checks.host-pid.no-process': '主機上沒有行程 {pid}。你的行程還在執行嗎？回到主機那一側再看看。',
  'checks.host-pid.outside':
    '主機 PID {pid} 是容器外的主機行程：它的 PID 命名空間是 {theirs}，而容器的是 {container}。{small, select, yes {這麼小的數字多半是容器內的 PID：主機給同一個行程的編號不一樣。} other {}}',
  'checks.host-pid.init-started':
    '主機 PID {pid}（`{command}`）確實在容器裡，但它是容器的 PID 1 自己啟動的：它在 PID 1 的工作階段裡（NSsid：{nssid}，容器內為 1）。在 shell（s）裡啟動你自己的行程 `sleep 600 &`，再去找它。',
  'checks.host-pid.unknown': '未知',
  'checks.host-pid.right':
    '答對了：主機 PID {pid} 就是容器內的 PID {inside}（NSpid：{nspid}）。同一個行程，在它所屬的每個命名空間裡各有一個 PID。',
  'checks.host-pid.answer-not-running': '容器還沒有執行，所以還給不出答案',
  'checks.host-pid.answer-none': '容器裡還沒有你啟動的行程（PID 1 和它自己啟動的行程不算）：先啟動一個，再來要提示',
  'checks.host-pid.answer': '主機 PID {pid}（`{command}`，容器內 PID {inside}）',

  'checks.memory.prompt': '新的記憶體限制',
  'checks.memory.not-running': '容器沒有在執行：按 r 重設本課，然後重新執行記憶體相關的步驟。',
  'checks.memory.not-a-limit': '「{answer}」不是一個限制值：請輸入 {file} 中現在的位元組數（也可以帶單位，例如 96M）。',
  'checks.memory.no-limit': '{file} 顯示完全沒有限制。請在裡面寫入一個限制（比 {mib} MiB 稍大），再輸入它。',
  'checks.memory.other-limit': '{file} 顯示的是 {bytes}（{size}），不是 {typed}：請先把新的限制寫進這個檔案，再輸入檔案裡的值。',
  'checks.memory.too-low': '{size} 仍低於配置程式佔用的 {mib} MiB：它還會再被終止。請再調高一些。',
  'checks.memory.kills': '{label} {before} → {after}',
  'checks.memory.no-kill': '沒有 OOM kill',
  'checks.memory.peak': '；{label} 顯示 {size}',
  'checks.memory.right':
    '答對了：在 {size} 的限制下，配置程式佔住了它的 {mib} MiB 並以 0 結束（{kills}{peak}）。限制只是檔案裡的一個數字；調高它，核心就讓控制組使用更多記憶體。',
  'checks.memory.still-killed':
    '限制為 {size} 時，配置程式這樣結束：{exit}{kills, select, none {} other {（{kills}）}}。除了那 {mib} MiB，shell、head 和 tail 也需要幾 MiB。請再多給一些空間。',
  'checks.memory.answer-not-running': '容器還沒有執行，所以還沒有檔案可以指給你',
  'checks.memory.answer': '在主機的 root shell 裡執行 `{commands}`，然後輸入 {limit}',

  'checks.whiteout.prompt': 'whiteout 檔案的 inode 編號',
  'checks.whiteout.not-mounted': '覆蓋檔案系統 {overlay} 沒有掛載：按 r 重設本課。',
  'checks.whiteout.still-merged': '{path} 仍在合併視圖（merged）中。請先透過 {merged} 刪除它，再去 upper 裡看。',
  'checks.whiteout.none': '{path} 已從 merged 中消失，但 upper 裡沒有它的 whiteout 檔案；它是不是只存在於 upper 的檔案？',
  'checks.whiteout.wrong':
    '{answer, select, none {這} other {{answer}}}不是它的 inode 編號。whiteout 檔案與被刪除的檔案同名，位於 upper（{upper}）下的同一個目錄裡；`ls -li` 會把 inode 編號印在最前面。',
  'checks.whiteout.right':
    '答對了：{whiteout} 的 inode 編號是 {ino}，它是一個 0:0 字元裝置——也就是 overlay 的 whiteout 檔案。下層的檔案仍然存在；是它把那個檔案遮住了。{shared, select, none {} other {它有 {links} 個連結：這個核心讓所有 whiteout 檔案共用同一個 inode，它也出現在 {shared}。}}',
  'checks.whiteout.answer-not-mounted': '覆蓋檔案系統還沒有掛載',
  'checks.whiteout.answer': '{ino}，即 {whiteout} 的 inode 編號（一個 0:0 字元裝置）',
  'checks.whiteout.answer-not-yet': '透過 merged 刪除 {file} 之後，{path} 的 inode 編號',
} satisfies Translation<typeof english>;
