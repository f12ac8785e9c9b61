// Browser bundle size of the core: what an integrator's bundler ships when a page uses the package.
// A small program (the CORE_PROGRAM below: a bundled protocol, a protocol parsed from a JSON object,
// a case opened and its status computed) is bundled with esbuild the way a browser app would be
// (platform browser, ESM, minified, tree-shaken) from the BUILT package (dist/, resolved through
// package.json "exports", so zod comes bundled as users get it), and gzipped at level 9. The baseline
// is what the package replaces: date-holidays + luxon alone, bundled the same way (about 259 KB).
// Prints nothing; the caller reports. test/package/bundle.test.ts bundles the same program with
// the same options and checks what must not be in it.
//
//   import { benchBundle } from './scripts/bench-bundle.mjs';
//   const { coreGzipBytes, baselineGzipBytes } = await benchBundle();

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** How a browser app bundles the package: the same for the core and the baseline. */
export const BUNDLE_OPTIONS = Object.freeze({ bundle: true, platform: 'browser', format: 'esm', minify: true, treeShaking: true });

/**
 * The program whose bundle is measured. It prints one JSON line, so a test can run the bundle and
 * check that it still works after minification.
 */
export const CORE_PROGRAM = `
import { getProtocol, openCase, parseProtocol, status } from 'escalation-protocols';

const swindon = getProtocol('swindon');
const tiny = parseProtocol({
  id: 'tiny',
  title: 'Tiny procedure',
  partnership: 'Example Partnership',
  version: '1',
  effectiveFrom: '2024-01-01',
  reviewBy: '2027-01-31',
  source: { title: 'Tiny procedure', publisher: 'Example Partnership' },
  scope: { subjects: ['child'] },
  roles: [
    { id: 'practitioner', title: 'Practitioner', side: 'raising' },
    { id: 'manager', title: 'Manager', side: 'receiving' },
  ],
  stages: [
    { id: 'stage-1', title: 'Talk', owners: ['practitioner'], obligations: [{ id: 'talk', action: 'Talk it through', owner: 'practitioner', due: { within: '2wd', from: 'disagreement' } }] },
    { id: 'stage-2', title: 'Managers', owners: ['manager'], obligations: [{ id: 'meet', action: 'Managers meet', owner: 'manager', due: { within: '5wd', from: 'completed:stage-1' } }] },
  ],
});
if (!tiny.success) throw new Error(tiny.issues.map((i) => i.message).join('; '));

const opening = { at: '2026-12-21T10:00', subject: 'child', raisingAgency: 'Riverside Primary School', receivingAgency: "Children's Social Care" };
const report = (protocol) => {
  const opened = openCase(protocol, opening);
  if (!opened.success) throw new Error(opened.refusal.message);
  const now = status(protocol, opened.case, '2027-01-05T09:00');
  if (!now.success) throw new Error(now.refusal.message);
  return { stage: now.status.stage.id, obligations: now.status.obligations.map((o) => [o.id, o.due && o.due.date, o.state]) };
};
console.log(JSON.stringify({ swindon: report(swindon), tiny: report(tiny.protocol) }));
`;

/** The baseline: the two libraries one would otherwise ship for UK working days in London time. */
export const BASELINE_PROGRAM = `
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

console.log(new Holidays('GB').isHoliday(new Date()), DateTime.now().setZone('Europe/London').toISO());
`;

/**
 * Bundles a program given as text.
 *
 * @param {string} contents - the program (ESM)
 * @param {string} resolveDir - where its imports resolve from
 * @returns {Promise<{ code: string, bytes: number, gzipBytes: number, inputs: string[] }>} the minified
 *   code, its size, its gzip -9 size, and the absolute paths of every file that went into it
 */
export async function bundle(contents, resolveDir) {
  const result = await esbuild.build({
    ...BUNDLE_OPTIONS,
    stdin: { contents, resolveDir, sourcefile: 'program.mjs', loader: 'js' },
    absWorkingDir: resolveDir,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output');
  const code = output.text;
  return {
    code,
    bytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
    inputs: Object.keys(result.metafile.inputs).map((file) => (file === '<stdin>' ? file : path.resolve(resolveDir, file))),
  };
}

/**
 * Bundles CORE_PROGRAM against a built copy of the package: `escalation-protocols` resolves to
 * `packageDir` through its package.json "exports" (a package may import itself by name).
 *
 * @param {{ packageDir?: string }} [options] - a folder with the package's package.json and a built
 *   dist/; the repository by default
 */
export async function bundleCore({ packageDir = ROOT } = {}) {
  if (!existsSync(path.join(packageDir, 'dist/index.js')))
    throw new Error(`${packageDir}/dist/index.js is missing; build first (npx tsup).`);
  return bundle(CORE_PROGRAM, packageDir);
}

/** Bundles BASELINE_PROGRAM with the repository's date-holidays and luxon (devDependencies). */
export async function bundleBaseline() {
  return bundle(BASELINE_PROGRAM, ROOT);
}

/**
 * Gzipped bytes of the core program's browser bundle and of the date-holidays + luxon baseline.
 *
 * @param {{ packageDir?: string }} [options] - where the built package is; the repository by default
 * @returns {Promise<{ coreGzipBytes: number, baselineGzipBytes: number }>}
 */
export async function benchBundle(options = {}) {
  const [core, baseline] = await Promise.all([bundleCore(options), bundleBaseline()]);
  return { coreGzipBytes: core.gzipBytes, baselineGzipBytes: baseline.gzipBytes };
}
