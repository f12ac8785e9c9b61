// Every example in README.md and docs/*.md is executed, so the documentation cannot drift from the
// library:
// - ```ts blocks are written to test/docs/.tmp/ (imports of 'escalation-protocols' pointed at src/),
//   type-checked with the project's compiler options, and imported; a line ending in
//   `// => <literal>` is an assertion (see toModule). ```ts no-run blocks (fetch, files) are skipped.
// - The example protocols in docs/examples/ must load and pass their scenario files, and a
//   ```json fragment=<file> block must appear in that file as shown (indentation aside).
// - Command lines of `escalation-protocols` in sh/yaml blocks are run with the built CLI: a line
//   ending `# exit N` must exit N, any other must not be a usage error (exit 2); a ```text output
//   block right after them must be exactly what the last one prints.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSAL_CODES, loadProtocol, lintProtocol, runScenarios } from '../../src/index.js';
import { buildCli, cli } from '../cli/_cli.js';
import { ROOT, blocks, cliLines, docFiles, isTs, runs, toModule, type Block } from './_markdown.js';

const all = docFiles().flatMap(blocks);
const examples = all.filter((b) => isTs(b) && runs(b));
const name = (b: Block): string => `${b.file}:${b.line}`;

// Under test/docs/.tmp (ignored by test/docs/.gitignore) rather than the OS temp folder, so that the
// examples' own imports (vitest, node:*, luxon) resolve from this repository; removed afterwards.
mkdirSync(join(import.meta.dirname, '.tmp'), { recursive: true });
const dir = mkdtempSync(join(import.meta.dirname, '.tmp', 'examples-'));
const modules = new Map(examples.map((b, i) => [b, join(dir, `${b.file.replace(/[^\w]+/g, '-')}-${b.line}-${i}.ts`)]));
for (const [b, path] of modules) writeFileSync(path, toModule(b.code));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  try {
    rmdirSync(join(import.meta.dirname, '.tmp')); // only when empty: another run may be using it
  } catch {
    // not empty, or already gone
  }
});

describe('documentation examples', () => {
  it('there are examples to run in README.md and every guide', () => {
    for (const file of ['README.md', 'docs/integrators.md', 'docs/policy-authors.md', 'docs/partnerships.md']) {
      expect(
        examples.some((b) => b.file === file),
        `${file} has a \`\`\`ts example`,
      ).toBe(true);
    }
  });

  it('type-check with the project settings', () => {
    const options: ts.CompilerOptions = {
      ...ts.convertCompilerOptionsFromJson(ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile).config.compilerOptions, ROOT)
        .options,
      noEmit: true,
      allowImportingTsExtensions: true,
      noUnusedLocals: false,
    };
    const program = ts.createProgram([...modules.values()], options);
    const ours = new Set([...modules.values()].map((p) => p.replace(/\\/g, '/')));
    const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => !d.file || ours.has(d.file.fileName));
    const byBlock = new Map([...modules].map(([b, p]) => [p.replace(/\\/g, '/'), b]));
    const messages = diagnostics.map((d) => {
      const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      if (!d.file || d.start === undefined) return text;
      const b = byBlock.get(d.file.fileName)!;
      // One line of the module is the `import { expect }` the test adds.
      const { line } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${b.file}:${b.line + line}: ${text}`;
    });
    expect(messages).toEqual([]);
  }, 120_000);

  it.each(examples.map((b) => [name(b), b] as const))('%s runs', async (_, b) => {
    await import(pathToFileURL(modules.get(b)!).href);
  });
});

describe('example protocol files (docs/examples/) and the fragments the guides quote from them', () => {
  const exampleDir = join(ROOT, 'docs/examples');
  const protocols = readdirSync(exampleDir).filter((f) => /\.jsonc?$/.test(f) && !f.includes('.scenarios.'));

  it.each(protocols)('docs/examples/%s loads with no errors and passes its scenario file', (file) => {
    const loaded = loadProtocol(readFileSync(join(exampleDir, file), 'utf8'));
    expect(loaded.success ? [] : loaded.issues.map((i) => `${i.line}:${i.column} ${i.code} ${i.message}`)).toEqual([]);
    if (!loaded.success) return;
    expect(lintProtocol(loaded.protocol, { today: loaded.protocol.effectiveFrom }).filter((i) => i.severity === 'error')).toEqual([]);
    const scenarios = join(exampleDir, file.replace(/\.jsonc?$/, '.scenarios.json'));
    expect(existsSync(scenarios), `${scenarios} exists`).toBe(true);
    const run = runScenarios(loaded.protocol, JSON.parse(readFileSync(scenarios, 'utf8')));
    expect(run.success ? [] : run.issues).toEqual([]);
    if (!run.success) return;
    for (const r of run.results) expect(r.failures, r.name).toEqual([]);
  });

  const fragments = all.filter((b) => b.flags.some((f) => f.startsWith('fragment=')));
  it.each(fragments.map((b) => [name(b), b] as const))('%s appears in its file as shown', (_, b) => {
    const target = b.flags.find((f) => f.startsWith('fragment='))!.slice('fragment='.length);
    expect(existsSync(join(ROOT, target)), `${target} exists`).toBe(true);
    // Compared without indentation and line breaks: a fragment is a run of lines of the file.
    const flat = (text: string): string =>
      text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n');
    expect(flat(readFileSync(join(ROOT, target), 'utf8')), `the fragment at ${name(b)} is not in ${target}; copy it again`).toContain(
      flat(b.code),
    );
  });
});

describe('command lines in the guides', () => {
  const lines = all.flatMap(cliLines);
  // A ```text output block right after a block of command lines is the exact output of its last line.
  const outputs = new Map<(typeof lines)[number], Block>();
  all.forEach((b, i) => {
    const before = all[i - 1];
    if (b.lang !== 'text' || !b.flags.includes('output') || !before || before.file !== b.file) return;
    const last = cliLines(before).at(-1);
    if (last) outputs.set(last, b);
  });
  beforeAll(buildCli, 120_000);

  it('every ```text output block follows a command line', () => {
    expect(all.filter((b) => b.lang === 'text' && b.flags.includes('output')).length).toBe(outputs.size);
  });

  it.each(lines.map((l) => [`${name(l.block)}: ${l.text}`, l] as const))('%s', (_, l) => {
    const run = cli(l.args);
    const said = `${l.text}\n(${l.block.file}:${l.block.line})\nstdout: ${run.stdout.slice(0, 2000)}\nstderr: ${run.stderr}`;
    if (l.exit !== undefined) expect(run.status, said).toBe(l.exit);
    else expect(run.status, said).not.toBe(2);
    const shown = outputs.get(l);
    if (shown) expect(run.stdout.trimEnd(), `the output shown at ${name(shown)}`).toBe(shown.code.trimEnd());
  });
});

describe('reference tables in the guides', () => {
  it('docs/integrators.md lists every refusal code of REFUSAL_CODES, once', () => {
    const codes = Object.keys(REFUSAL_CODES);
    expect(codes.length).toBeGreaterThan(0);
    const guide = readFileSync(join(ROOT, 'docs/integrators.md'), 'utf8');
    const listed = [...guide.matchAll(/^\| `(engine\/[a-z-]+)` \|/gm)].map((m) => m[1]);
    expect([...listed].sort()).toEqual([...codes].sort());
  });
});
