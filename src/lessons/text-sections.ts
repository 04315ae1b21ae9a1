/**
 * Splits a lesson's `text.md` into its parts: the intro (before the first `## ` heading) and one
 * section per step, headed `## <step-id>`. Each keeps the line it starts on for lint messages.
 */

export interface TextSection {
  id: string;
  /** The Markdown under the heading, trimmed. */
  text: string;
  /** Line of the `## ` heading (1-based). */
  line: number;
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
    intro: intro.join('\n').replace(/^\s*#\s.*\n?/, '').trim(),
    sections: sections.map((s) => ({ id: s.id, line: s.line, text: s.body.join('\n').trim() })),
  };
}
