/**
 * The lesson engine: lessons as data (lesson.yaml + text.md), validated with file:line messages,
 * run step by step against the real runtime, and printed as plain text or JSON lines.
 *
 *   const { lessons, problems } = loadLessons('lessons');
 *   const session = new LessonSession({ lesson: lessons[0]!, runtime });
 *   const result = await session.runStep(0);   // what ran, and the Host and Container panes
 */
export type { Args, ArgValue, BreakIt, Lesson, Located, Predict, Problem, RunSpec, Step, ViewSpec, YourTurn } from './types.js';
export type { ArgDef, ArgSpecs, ArgType } from './arg-spec.js';
export { CORE_LESSONS, defaultLessonsDir, formatProblem, loadLesson, loadLessons } from './load-lessons.js';
export { previewLessons } from './preview.js';
export type { LessonPreview } from './preview.js';
export { LessonSession } from './engine/session.js';
export type { CheckResult, SessionOptions, Solved } from './engine/session.js';
export type { Pane, StepResult, StepStatus } from './engine/results.js';
export { ACTIONS } from './actions/index.js';
export type { ActionContext, ActionDef, ActionOutcome, NamedProcess } from './actions/index.js';
export { CHECKS } from './checks/index.js';
export type { CheckDef, CheckOutcome } from './checks/index.js';
export { eventLines, formatMs } from './event-lines.js';
export type { EventLine } from './event-lines.js';
export { parseMarkdown, parseInline, plainText } from './markdown.js';
export { driveLesson } from './runner/drive.js';
export type { StepReport } from './runner/drive.js';
export { loadProgress, progressLocation, recordStep, saveProgress } from './progress.js';
export type { Progress, ProgressLocation } from './progress.js';
