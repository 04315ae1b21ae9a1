/**
 * Splits a lesson's `text.md` into its parts: the intro (before the first `## ` heading) and one
 * section per step, headed `## <step-id>`. Each keeps the line it starts on for lint messages.
 *
 * Text is read before the step runs and after, and must be true both times. When what it says
 * changes once the step has run ("the lab will remove…" becomes "the lab has removed…"), the part
 * after a `### Once it has run` line replaces the part above it as soon as the step has run.
 *
 * A `### Notes` subsection, last in a step's section, is for the person leading a workshop (timing,
 * the question people ask here, what to point at): never shown to learners unless asked for.
 */

/** The one heading allowed inside a step's section. */
export const ONCE_RUN = '### Once it has run';

/** The facilitator's subsection: the last one in a step's section. */
export const NOTES = '### Notes';

export interface TextSection {
  id: string;
  /** The Markdown under the heading, trimmed: what the learner reads before the step runs. */
  text: string;
  /** What replaces `text` once the step has run (the part after {@link ONCE_RUN}), if it changes. */
  ranText?: string;
  /** The facilitator's notes (the part after {@link NOTES}), if the step has any. */
  notes?: string;
  /** Line of the `## ` heading (1-based). */
  line: number;
  /** Lines (1-based) of other `###` headings, which the linter reports. */
  strayHeadings: number[];
}

export interface LessonText {
  intro: string;
  sections: TextSection[];
}

export function splitText(markdown: string): LessonText {
  const intro: string[] = [];
  const sections: { id: string; line: number; body: string[] }[] = [];
  let body = intro;
  markdown.split('\n').forEach((line, index) => {
    const heading = line.match(/^##\s+(\S.*?)\s*$/);
    if (!heading) {
      body.push(line);
      return;
    }
    const section = { id: heading[1]!, line: index + 1, body: [] as string[] };
    sections.push(section);
    body = section.body;
  });
  return {
    // A `# Title` line at the top names the file for people reading it; the title shown comes from lesson.yaml.
    intro: intro
      .join('\n')
      .replace(/^\s*#\s.*\n?/, '')
      .trim(),
    sections: sections.map((s) => {
      const notesAt = s.body.findIndex((l) => l.trim() === NOTES);
      const body = notesAt < 0 ? s.body : s.body.slice(0, notesAt);
      const at = body.findIndex((l) => l.trim() === ONCE_RUN);
      const before = at < 0 ? body : body.slice(0, at);
      const strayHeadings = s.body.flatMap((l, i) => (/^###\s/.test(l) && i !== at && i !== notesAt ? [s.line + 1 + i] : []));
      return {
        id: s.id,
        line: s.line,
        text: before.join('\n').trim(),
        ...(at < 0
          ? {}
          : {
              ranText: body
                .slice(at + 1)
                .join('\n')
                .trim(),
            }),
        ...(notesAt < 0
          ? {}
          : {
              notes: s.body
                .slice(notesAt + 1)
                .join('\n')
                .trim(),
            }),
        strayHeadings,
      };
    }),
  };
}
