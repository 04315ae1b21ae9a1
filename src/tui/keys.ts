/**
 * Keys to intents: which key means what on which screen. Pure, so the whole key map is tested
 * without a terminal; the controller carries the intents out.
 */
import type { Key } from 'ink';
import type { LabState } from './state.js';

export type Intent =
  | { kind: 'home-move'; delta: number }
  /** `l` on the home screen: the next language. */
  | { kind: 'language' }
  | { kind: 'open' }
  | { kind: 'run' }
  | { kind: 'step'; delta: number }
  | { kind: 'predict'; choice: number }
  | { kind: 'hint' }
  | { kind: 'reset' }
  /** An instructor rehearsing: show a your-turn step's solution, then (pressed again) run and check it. */
  | { kind: 'solution' }
  /** Undo the step alone, where its action can. */
  | { kind: 'undo' }
  | { kind: 'shell' }
  | { kind: 'help' }
  | { kind: 'events' }
  | { kind: 'scroll'; delta: number }
  /** ↑/↓ on the lesson screen: the step's text, when it is longer than its rows. */
  | { kind: 'scroll-text'; delta: number }
  | { kind: 'cancel' }
  /** A step key pressed while a step runs: it is not queued, and the learner is told why. */
  | { kind: 'busy' }
  | { kind: 'home' }
  | { kind: 'quit' }
  | { kind: 'answer-text'; text: string; submit?: boolean }
  | { kind: 'answer-submit' }
  | { kind: 'answer-close' }
  /** `g`, digits, Enter: go to a step by its number; `text` is what is typed (undefined: closed). */
  | { kind: 'jump-text'; text: string | undefined }
  | { kind: 'jump-submit' };

/** The subset of Ink's Key the lab reads. */
export type Keys = Pick<Key, 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'return' | 'escape' | 'backspace' | 'delete' | 'ctrl'>;

/** No key held: the base every keypress is described from. */
export const NO_KEYS: Keys = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  return: false,
  escape: false,
  backspace: false,
  delete: false,
  ctrl: false,
};

/**
 * Keys typed quickly can reach the lab in one read ("nn", "2\r"): split such a chunk of plain
 * characters into one key each. An answer being typed takes its chunk whole (see intentFor).
 */
export function splitKeys(input: string, key: Keys, answering: boolean): [string, Keys][] {
  if (answering || input.length < 2 || key.ctrl || /[\u001b\u007f]/.test(input)) return [[input, key]];
  return [...input].map((ch): [string, Keys] => (ch === '\r' || ch === '\n' ? ['', { ...NO_KEYS, return: true }] : [ch, NO_KEYS]));
}

export function intentFor(input: string, key: Keys, state: LabState): Intent | undefined {
  if (state.screen === 'quitting') return undefined;
  if (key.ctrl && input === 'c') return { kind: 'quit' };
  if (state.help) return input === '?' || key.escape || input === 'q' || key.return ? { kind: 'help' } : undefined;
  const lesson = state.lesson;
  if (state.screen === 'lesson' && lesson?.answering) {
    const typed = lesson.steps[lesson.index]?.answer ?? '';
    if (key.return) return { kind: 'answer-submit' };
    if (key.escape) return { kind: 'answer-close' };
    if (key.backspace || key.delete) return { kind: 'answer-text', text: typed.slice(0, -1) };
    if (key.upArrow || key.downArrow) return { kind: 'scroll-text', delta: key.upArrow ? -3 : 3 };
    // Only digits are typed, so `h` still asks for a hint while the answer is open.
    if (input === 'h') return { kind: 'hint' };
    return typedChunk(input, typed);
  }
  if (state.screen === 'lesson' && lesson?.jump !== undefined) return jumpIntent(input, key, lesson.jump);
  if (input === '?') return { kind: 'help' };
  if (input === 'q') return { kind: 'quit' };
  if (state.screen === 'home') {
    if (key.upArrow || input === 'k') return { kind: 'home-move', delta: -1 };
    if (key.downArrow || input === 'j') return { kind: 'home-move', delta: 1 };
    if (key.return) return { kind: 'open' };
    if (input === 'l') return { kind: 'language' };
    return undefined;
  }
  if (!lesson) return undefined;
  if (key.escape) return lesson.running !== undefined ? { kind: 'cancel' } : lesson.eventsExpanded ? { kind: 'events' } : { kind: 'home' };
  const intent = stepIntent(input, key, lesson.eventsExpanded);
  // While a step runs only Esc (cancel) and q act: a step key then would act on a screen about to
  // change. Saying so beats a key that seems lost.
  return intent && lesson.running !== undefined ? { kind: 'busy' } : intent;
}

/**
 * Fast typing and pasting deliver several keys at once: "4012\r", or three Backspaces as one
 * "\x7f\x7f\x7f" that Ink does not name. Each character is one key: a digit types, Backspace (DEL or
 * BS) deletes one, Enter submits what is typed so far.
 */
function typedChunk(input: string, typed: string): Intent | undefined {
  let text = typed;
  for (const ch of input) {
    if (ch === '\r' || ch === '\n') return { kind: 'answer-text', text, submit: true };
    if (ch === '\u007f' || ch === '\b') text = text.slice(0, -1);
    else if (ch >= '0' && ch <= '9') text = (text + ch).slice(0, 10);
  }
  return text === typed ? undefined : { kind: 'answer-text', text };
}

/** While a step number is typed after `g`: digits, Backspace, Enter goes, Esc closes. */
function jumpIntent(input: string, key: Keys, typed: string): Intent | undefined {
  if (key.return) return { kind: 'jump-submit' };
  if (key.escape) return { kind: 'jump-text', text: undefined };
  if (key.backspace || key.delete) return { kind: 'jump-text', text: typed.slice(0, -1) };
  if (/^[0-9]$/.test(input)) return { kind: 'jump-text', text: (typed + input).slice(0, 3) };
  return undefined;
}

/** The keys of the lesson screen when no step is running. */
function stepIntent(input: string, key: Keys, eventsExpanded: boolean): Intent | undefined {
  if (key.upArrow || key.downArrow)
    return eventsExpanded ? { kind: 'scroll', delta: key.upArrow ? -5 : 5 } : { kind: 'scroll-text', delta: key.upArrow ? -3 : 3 };
  if (key.return) return { kind: 'run' };
  if (key.leftArrow || input === 'p') return { kind: 'step', delta: -1 };
  if (key.rightArrow || input === 'n') return { kind: 'step', delta: 1 };
  if (/^[1-5]$/.test(input)) return { kind: 'predict', choice: Number(input) - 1 };
  if (input === 'h') return { kind: 'hint' };
  if (input === 'r') return { kind: 'reset' };
  if (input === 'x') return { kind: 'solution' };
  if (input === 'u') return { kind: 'undo' };
  if (input === 's') return { kind: 'shell' };
  if (input === 'e') return { kind: 'events' };
  if (input === 'g') return { kind: 'jump-text', text: '' };
  return undefined;
}
