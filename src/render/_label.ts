// Text for Mermaid labels: escaped, and wrapped at word boundaries so that nothing is ever cut
// (a cut name made two owners read the same, e.g. Swindon stage 3's two line managers).

/** @internal Escapes the characters that would end or confuse a quoted Mermaid label. */
export const escapeLabel = (text: string): string =>
  text
    .replace(/"/g, '#quot;')
    .replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'))
    .replace(/[\r\n]+/g, ' ');

/**
 * @internal Splits `text` into lines of at most `width` characters, breaking only at spaces; a single
 * word longer than `width` stays whole on its own line. Every word of `text` is kept, in order.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** @internal Escaped and wrapped, joined with Mermaid's line break. */
export const wrapped = (text: string, width: number): string => wrap(text, width).map(escapeLabel).join('<br/>');
