// Reading the documentation's code blocks, and turning a TypeScript example into a test module.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');

/** A fenced code block: its language, the words after it (`no-run`, `protocol`, ...), and where it starts. */
export interface Block {
  /** Path relative to the repository root. */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  readonly flags: readonly string[];
  readonly code: string;
}

/** The guides whose examples are executed: README.md and docs/*.md (not the generated docs/protocols/ or docs/api/). */
export function docFiles(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'), { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => `docs/${e.name}`)
    .sort();
  return ['README.md', ...docs];
}

/** Every fenced block (``` or ~~~) in a Markdown file. */
export function blocks(file: string): Block[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent = '', fence = '', lang = '', rest = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !lines[j]!.trimStart().startsWith(fence)) body.push(lines[j++]!.slice(indent.length));
    out.push({ file, line: i + 1, lang: lang.toLowerCase(), flags: rest.split(/\s+/).filter(Boolean), code: body.join('\n') });
    i = j;
  }
  return out;
}

export const isTs = (b: Block): boolean => b.lang === 'ts' || b.lang === 'typescript';
export const runs = (b: Block): boolean => !b.flags.includes('no-run');

const ASSERTION = /^(\s*)(.*?);?\s*\/\/\s*=>\s*(.+?)\s*$/;
const DECLARATION = /^(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=/;

/**
 * An example as a module the test can import:
 * - `from 'escalation-protocols'` (and `/territories`) import the sources directly;
 * - a statement line ending in `// => <JS literal>` becomes `expect(<statement>).toEqual(<literal>)`
 *   (for `const x = ...; // => v` the declaration stays and `x` is compared). A remark may follow
 *   the literal after ` // `.
 */
export function toModule(code: string): string {
  const src = join(ROOT, 'src').replace(/\\/g, '/');
  const body = code
    .replace(/(['"])escalation-protocols\/territories\1/g, `'${src}/territories/index.ts'`)
    .replace(/(['"])escalation-protocols\1/g, `'${src}/index.ts'`)
    .split('\n');
  const out: string[] = [];
  for (const line of body) {
    // `// => value` on a line of its own asserts the statement on the line before.
    const alone = /^\s*\/\/\s*=>\s*(.+?)\s*$/.exec(line);
    if (alone && out.length && /;\s*$/.test(out.at(-1)!) && !out.at(-1)!.includes('expect(')) {
      const merged = assertion(`${out.at(-1)!.replace(/;\s*$/, '')} // => ${alone[1]}`);
      if (merged !== undefined) {
        out[out.length - 1] = merged;
        out.push(''); // keeps line numbers for error messages
        continue;
      }
    }
    out.push(assertion(line) ?? line);
  }
  return `import { expect } from 'vitest';\n${out.join('\n')}\nexport {};\n`;
}

/** `expect(...)` for a line ending in `// => <literal>`, or undefined for any other line. */
function assertion(line: string): string | undefined {
  const match = ASSERTION.exec(line);
  if (!match || match[2]!.trim() === '' || match[2]!.trimStart().startsWith('//')) return undefined;
  const [, indent, statement, rest] = match as unknown as [string, string, string, string];
  const literal = rest.split(/\s\/\/\s/)[0]!.trim();
  const declared = DECLARATION.exec(statement.trim());
  if (declared) return `${indent}${statement}; expect(${declared[1]}).toEqual(${literal});`;
  return `${indent}expect(${statement}).toEqual(${literal});`;
}

/** The shell words of a command line, up to a pipe, redirection, `&&`, `;` or comment. Quotes are honoured; no expansion. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else word += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
      continue;
    }
    if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    if ('|>&;#'.includes(c) && !inWord) break;
    word += c;
    inWord = true;
  }
  if (inWord) words.push(word);
  return words;
}

/** A command line of the CLI in a shell or YAML block, with the exit code the docs state (`# exit N`), if any. */
export interface CliLine {
  readonly block: Block;
  readonly text: string;
  readonly args: readonly string[];
  readonly exit: number | undefined;
}

/** Lines that run `escalation-protocols` (or `npx escalation-protocols`) in sh/bash/yaml blocks. */
export function cliLines(block: Block): CliLine[] {
  if (!['sh', 'bash', 'shell', 'console', 'yaml', 'yml'].includes(block.lang) || !runs(block)) return [];
  const out: CliLine[] = [];
  for (const raw of block.code.split('\n')) {
    const text = raw
      .trim()
      .replace(/^(-\s+)?run:\s*/, '')
      .replace(/^\$\s+/, '');
    const words = shellWords(text);
    const at = words[0] === 'npx' ? 1 : 0;
    if (words[at] !== 'escalation-protocols') continue;
    const exit = /#\s*exit\s+(\d+)\s*$/.exec(text);
    out.push({ block, text, args: words.slice(at + 1), exit: exit ? Number(exit[1]) : undefined });
  }
  return out;
}
