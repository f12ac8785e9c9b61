// The core in a browser bundle: the program in scripts/bench-bundle.mjs (a bundled protocol, one parsed
// from a JSON object, a case opened and its status) bundled by esbuild as a browser app would bundle
// it, from the built package resolved through its "exports". It must build, stay small, carry none
// of date-holidays (whose rules are compiled into tables at build time), luxon or the territories
// entry, touch nothing Node-only or clock-reading, and still work once minified.

import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../src/protocol/issues.js';
import { bundle, bundleBaseline, bundleCore } from '../../scripts/bench-bundle.mjs';
import { ROOT, run, stagePackage, type Staged } from './_stage.js';

/**
 * Gzip -9 bytes. Measured 78,948 in November 2026 and 90,741 on 1 December 2026, after the Crown
 * Dependencies' three holiday tables, the engine's corrections, digests and event parser, and the
 * policy authors' accepted findings arrived (of the minified bytes, the six bundled protocols' text is
 * still the largest part, then zod's runtime, then the bank-holiday tables). The engine's work for #15 took
 * it to 100,152; leaving out ISSUE_CODES' meanings (below) brought it back to 98,942; its third round
 * (judging planned per protocol) to 99,862. The ceiling is the goal
 * itself: the core with its own dependencies under 100 KB gzipped. The date-holidays + luxon
 * baseline is about 258 KB. `npm run bench` prints both.
 */
const CORE_GZIP_CEILING = 100_000;

type Bundle = Awaited<ReturnType<typeof bundle>>;

/** Packages that must never reach the core bundle: date-holidays, its whole dependency tree, and luxon. */
const FORBIDDEN_PACKAGES = [
  'date-holidays',
  'date-holidays-parser',
  'astronomia',
  'caldate',
  'date-bengali-revised',
  'date-chinese',
  'date-easter',
  'jalaali-js',
  'moment',
  'moment-timezone',
  'deepmerge',
  'js-yaml',
  'lodash',
  'prepin',
  'luxon',
];

/**
 * Text that shows date-holidays, its dependencies or luxon got in, whatever the file names. Each is
 * checked to occur in the baseline bundle of those libraries (built with the same options), so this
 * list cannot silently go stale. Not here: "caldate" and "date-easter" (their minified code never
 * spells their names; the file check above covers them), and "luxon" (its minified code never spells
 * it either, while the core's own error messages legitimately mention "a luxon DateTime").
 */
const FORBIDDEN_TEXT = [
  'date-holidays', // license notices of date-holidays and its parser; also the territories entry's messages
  'astronomia',
  'date-bengali-revised',
  'date-chinese',
  'moment-timezone',
  'easter -2', // date-holidays rule data (Good Friday)
  'substitutes', // date-holidays-parser's rule grammar
  'Invalid DateTime', // luxon
];

/**
 * Code the core must not contain: Node-only modules, the environment, the clock. Checked against a
 * control program that uses each, bundled with the same options, so minification cannot hide them.
 */
const FORBIDDEN_CODE: readonly (readonly [string, RegExp])[] = [
  ['node:fs', /["'](?:node:)?fs["']/],
  ['process.env', /\bprocess\.env\b/],
  ['Date.now', /\bDate\.now\b/],
  // The minifier writes `new Date()` as `new Date`.
  ['new Date() without arguments', /\bnew Date(?:\(\s*\)|(?!\s*\())/],
];

let staged: Staged;
let core: Bundle;
let baseline: Bundle;

beforeAll(async () => {
  staged = await stagePackage();
  [core, baseline] = await Promise.all([bundleCore({ packageDir: staged.dir }), bundleBaseline()]);
}, 300_000);

describe('the core program bundled for the browser', () => {
  // The "browser" export condition (#15): the build whose zod a page's bundler can tree-shake.
  it('builds from the package browser entry point only: dist/browser/index.js and its shared chunk', () => {
    const dist = join(staged.dir, 'dist') + sep;
    const fromPackage = core.inputs.filter((file) => file.startsWith(dist)).map((file) => file.slice(dist.length).split(sep).join('/'));
    expect(fromPackage).toContain('browser/index.js');
    expect(
      fromPackage.every((file) => /^browser\/(index|chunk-[\w-]+)\.js$/.test(file)),
      fromPackage.join(', '),
    ).toBe(true);
    expect(core.inputs.filter((file) => !file.startsWith(dist) && !file.endsWith('program.mjs'))).toEqual([]);
  });

  it(`is under ${CORE_GZIP_CEILING.toLocaleString('en-GB')} bytes gzipped`, () => {
    expect(core.gzipBytes).toBeLessThan(CORE_GZIP_CEILING);
    // And a fraction of what it replaces.
    expect(core.gzipBytes).toBeLessThan(baseline.gzipBytes / 2);
  });

  // Parsing reads each finding code's severity from a table of its own, so the meanings of
  // ISSUE_CODES (over a kilobyte gzipped) reach a page only if it imports ISSUE_CODES.
  it("leaves out ISSUE_CODES' meanings unless the program imports ISSUE_CODES", async () => {
    const meanings = Object.values(ISSUE_CODES).map((entry) => entry.meaning);
    expect(meanings.filter((meaning) => core.code.includes(meaning))).toEqual([]);
    const importing = await bundle(
      "import { ISSUE_CODES } from 'escalation-protocols';\nconsole.log(ISSUE_CODES['json/syntax'].meaning);\n",
      staged.dir,
    );
    expect(meanings.filter((meaning) => !importing.code.includes(meaning))).toEqual([]);
  }, 60_000);

  it('contains no file of date-holidays, its dependencies, luxon or the territories entry', () => {
    const pattern = new RegExp(`[\\\\/]node_modules[\\\\/](?:${FORBIDDEN_PACKAGES.join('|')})[\\\\/]`);
    expect(
      baseline.inputs.some((file) => pattern.test(file)),
      'the pattern finds the baseline libraries',
    ).toBe(true);
    expect(core.inputs.filter((file) => pattern.test(file) || /territories/.test(file))).toEqual([]);
  });

  it('contains no text of date-holidays, its dependencies or luxon', () => {
    for (const text of FORBIDDEN_TEXT) {
      expect(baseline.code.includes(text), `"${text}" occurs in the baseline bundle`).toBe(true);
      expect(core.code.includes(text), `"${text}" occurs in the core bundle`).toBe(false);
    }
  });

  it('uses no Node-only module, no process.env, and never reads the clock', async () => {
    const controlCode = await bundleControl();
    for (const [name, pattern] of FORBIDDEN_CODE) {
      expect(pattern.test(controlCode), `the check for ${name} finds it in a program that uses it`).toBe(true);
      expect(core.code.match(pattern)?.[0], `${name} in the core bundle`).toBeUndefined();
    }
  });

  it('runs once minified (in Node, as an ES module) and prints the expected status', () => {
    const dir = mkdtempSync(join(tmpdir(), 'escalation-protocols-bundle-'));
    try {
      const file = join(dir, 'bundle.mjs');
      writeFileSync(file, core.code);
      const out = JSON.parse(run(process.execPath, [pathToFileURL(file).pathname], { cwd: dirname(file) }));
      expect(out).toEqual({
        // Swindon stage 1: 2 working days from the disagreement (Mon 21 Dec 2026), overdue on 5 Jan 2027.
        swindon: { stage: 'stage-1', obligations: [['stage-1-discussion', '2026-12-23', 'overdue']] },
        tiny: { stage: 'stage-1', obligations: [['talk', '2026-12-23', 'overdue']] },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * A control program that does everything FORBIDDEN_CODE looks for, bundled with the same options
 * (node:fs left external: a browser build cannot resolve it).
 */
async function bundleControl(): Promise<string> {
  const esbuild = await import('esbuild');
  const { BUNDLE_OPTIONS } = await import('../../scripts/bench-bundle.mjs');
  const result = await esbuild.build({
    ...BUNDLE_OPTIONS,
    stdin: {
      contents: `import { readFileSync } from 'node:fs'; console.log(readFileSync, process.env.HOME, Date.now(), new Date(), new Date(0));`,
      resolveDir: ROOT,
      loader: 'js',
    },
    external: ['node:fs'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
