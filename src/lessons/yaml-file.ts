/**
 * A parsed YAML file that remembers where every node came from, so each problem the validator finds
 * is reported as `file:line:column: message`, the way a compiler would.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { t } from '../i18n/index.js';
import type { Problem } from './types.js';

export class YamlFile {
  readonly problems: Problem[] = [];
  /** The document's root node; undefined when the file is empty or does not parse. */
  readonly root: Node | undefined;
  private readonly lines = new LineCounter();

  constructor(
    readonly file: string,
    text: string,
  ) {
    const doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false });
    for (const error of doc.errors) {
      const pos = this.lines.linePos(error.pos[0]);
      // yaml's messages end with "at line N, column M" and a code excerpt; the prefix says where.
      const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      this.problems.push({ file, line: pos.line, column: pos.col, message: t('lint.yaml.syntax', { message }) });
    }
    this.root = doc.errors.length === 0 && doc.contents ? (doc.contents as Node) : undefined;
  }

  /** Line and column (1-based) where a node starts. */
  position(node: Node | Pair | undefined): { line: number; column: number } {
    const offset =
      (node && 'range' in node ? node.range?.[0] : undefined) ??
      (node && 'key' in node ? (node.key as Node | null)?.range?.[0] : undefined) ??
      0;
    const pos = this.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }

  /** Records a problem at a node. */
  report(node: Node | Pair | undefined, message: string): void {
    this.problems.push({ file: this.file, ...this.position(node), message });
  }

  /** The node as a map, or a problem saying `what` must be one. */
  map(node: Node | undefined, what: string, near?: Node): YAMLMap<unknown, Node> | undefined {
    if (isMap(node)) return node as YAMLMap<unknown, Node>;
    this.report(node ?? near, t('lint.yaml.mapping', { what }));
    return undefined;
  }

  /** The node as a list, or a problem. */
  seq(node: Node | undefined, what: string, near?: Node): YAMLSeq<Node> | undefined {
    if (isSeq(node)) return node as YAMLSeq<Node>;
    this.report(node ?? near, t('lint.yaml.list', { what }));
    return undefined;
  }

  /** The node as non-empty text (numbers are accepted and turned into text), or a problem. */
  text(node: Node | undefined, what: string, near?: Node): string | undefined {
    if (isScalar(node) && node.value !== null && typeof node.value !== 'object') {
      const value = String(node.value).trim();
      if (value !== '') return value;
    }
    this.report(node ?? near, t('lint.yaml.text', { what }));
    return undefined;
  }

  /** The node as a list of non-empty strings, or a problem. */
  textList(node: Node | undefined, what: string, near?: Node): string[] | undefined {
    const seq = this.seq(node, what, near);
    if (!seq) return undefined;
    const out: string[] = [];
    for (const item of seq.items) {
      const value = this.text(item, t('lint.label.each-entry', { what }));
      if (value === undefined) return undefined;
      out.push(value);
    }
    return out;
  }

  /**
   * Reports keys that hold prose, which lives in the lesson's text files (so that a translation is
   * one file), with where to write it instead, and drops them so they are not reported again.
   */
  movedToText(map: YAMLMap<unknown, Node>, what: string, moved: Readonly<Record<string, string>>): void {
    map.items = map.items.filter((pair) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!Object.hasOwn(moved, key)) return true;
      this.report(pair.key as Node, t('lint.yaml.prose-key', { what, key, heading: moved[key]! }));
      return false;
    });
  }

  /**
   * The entries of a map as `key → node`, reporting unknown keys (with the known ones listed) and
   * missing required ones.
   */
  entries(map: YAMLMap<unknown, Node>, what: string, known: readonly string[], required: readonly string[] = []): Map<string, Node> {
    const out = new Map<string, Node>();
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!known.includes(key)) {
        this.report(pair.key as Node, t('lint.yaml.unknown-key', { what, key, known: known.join(', ') }));
        continue;
      }
      out.set(key, pair.value ?? (pair.key as Node));
    }
    for (const key of required) {
      if (!out.has(key)) this.report(map, t('lint.yaml.missing-key', { what, key }));
    }
    return out;
  }
}
