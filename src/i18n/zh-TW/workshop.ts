/** zh-TW messages (Taiwan usage): `doctor --workshop`, the attendees' pre-flight (src/doctor/workshop.ts, workshop-run.ts). */
import type { workshop as english } from '../en/workshop.js';
import type { Translation } from '../translation.js';

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
} satisfies Translation<typeof english>;
