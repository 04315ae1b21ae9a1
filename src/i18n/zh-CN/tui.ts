/** zh-CN messages: the TUI's chrome: home, help, footers, quit and too-small screens. */
import type { tui as english } from '../en/tui.js';
import type { Translation } from '../translation.js';

export const tui = {
  'tui.home.tagline': '一次一个内核原语，弄懂容器如何工作',
  'tui.home.continue': '继续：{lesson}，第 {step} 步（共 {steps} 步）',
  'tui.home.next': '下一课：{lesson}，第 {step} 步（共 {steps} 步）',
  'tui.home.blocked': '无法在此运行：{why}',
  'tui.home.skipped': '本机将跳过 {count} 个步骤（`{fix}` 可让其运行）',
  'tui.home.skipped-why': '本机将跳过 {count} 个步骤（`container-lab doctor` 会说明原因）',
  'tui.home.no-lessons': '没有找到课程。请用 --lessons DIR 指定课程目录。',
} satisfies Translation<typeof english>;
