/** zh-TW messages (Taiwan usage): the TUI's chrome: home, help, footers, quit and too-small screens. */
import type { tui as english } from '../en/tui.js';
import type { Translation } from '../translation.js';

export const tui = {
  'tui.home.tagline': '一次一個核心原語，弄懂容器如何運作',
  'tui.home.continue': '繼續：{lesson}，第 {step} 步（共 {steps} 步）',
  'tui.home.next': '下一課：{lesson}，第 {step} 步（共 {steps} 步）',
  'tui.home.blocked': '無法在此執行：{why}',
  'tui.home.skipped': '本機將略過 {count} 個步驟（`{fix}` 可讓它們執行）',
  'tui.home.skipped-why': '本機將略過 {count} 個步驟（`container-lab doctor` 會說明原因）',
  'tui.home.no-lessons': '找不到課程。請用 --lessons DIR 指定課程資料夾。',
} satisfies Translation<typeof english>;
