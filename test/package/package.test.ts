// The published package, installed the way users install it: `npm pack`, then `npm install` of the
// tarball into a fresh project outside the repository (zod comes from the registry or npm's cache).
// Checks that every entry point loads in Node 20 as ESM and as CJS, that the types compile for
// TypeScript consumers under each module resolution they use, that the command-line tool runs from
// node_modules/.bin, and that publint and arethetypeswrong find nothing. Slow (a build, a pack, an
// install and several tsc runs: a minute or two), hence the generous timeouts.

import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, TSC, packageJson, run, stagePackage, type Staged } from './_stage.js';

const SLOW = 300_000;

let staged: Staged;
let project: string;

const write = (path: string, text: string): void => {
  mkdirSync(dirname(join(project, path)), { recursive: true });
  writeFileSync(join(project, path), text);
};
const node = (...args: string[]): string => run(process.execPath, args, { cwd: project });

beforeAll(async () => {
  staged = await stagePackage();
  project = mkdtempSync(join(tmpdir(), 'escalation-protocols-consumer-'));
  write('package.json', `${JSON.stringify({ name: 'consumer', version: '0.0.0', private: true }, null, 2)}\n`);
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', staged.tarball], { cwd: project });
}, SLOW);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the tarball', () => {
  it('holds the built entry points, types, CLI, schema and protocols, and no sources or tests', () => {
    const pkg = packageJson();
    const referenced = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') referenced.add(value.replace(/^\.\//, ''));
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect([pkg.main, pkg.module, pkg.types, pkg.exports, pkg.bin]);
    for (const file of referenced) expect(staged.files, `package.json names ${file}`).toContain(file);
    for (const file of ['README.md', 'CHANGELOG.md', 'SECURITY.md', 'schema.json', 'protocols/swindon.json'])
      expect(staged.files).toContain(file);
    expect(
      staged.files.filter((f) => /^(src|test|scripts|docs|\.ci|node_modules)\/|^tsconfig|^tsup\.config|^vitest\.config/.test(f)),
    ).toEqual([]);
  });
});

describe('in a project that installed the tarball', () => {
  it('runs on Node 20 or later', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(20);
  });

  it('imports ".", "./territories" and "./schema.json" as ESM, and TimeError is one class across entries', () => {
    write(
      'esm.mjs',
      `
import { addWorkingDays, getProtocol, TimeError, BUNDLED_PROTOCOL_IDS } from 'escalation-protocols';
import { calendarFromDateHolidays, DEFAULT_HOLIDAY_TYPES } from 'escalation-protocols/territories';
import schema from 'escalation-protocols/schema.json' with { type: 'json' };
import pkg from 'escalation-protocols/package.json' with { type: 'json' };
let error;
try { calendarFromDateHolidays({ notAnInstance: true }); } catch (e) { error = e; }
const swindon = getProtocol('swindon');
console.log(JSON.stringify({
  day: addWorkingDays('2026-12-21', 17),
  id: swindon.id, stages: swindon.stages.length, frozen: Object.isFrozen(swindon),
  ids: BUNDLED_PROTOCOL_IDS, types: DEFAULT_HOLIDAY_TYPES,
  instance: error instanceof TimeError, code: error && error.code,
  schema: schema.$schema, schemaTitle: schema.title, version: pkg.version,
}));
`,
    );
    const out = JSON.parse(node('esm.mjs'));
    expect(out).toMatchObject({
      day: '2027-01-18',
      id: 'swindon',
      frozen: true,
      types: ['public', 'bank'],
      instance: true,
      code: 'time/invalid-holidays',
      schema: expect.stringContaining('json-schema.org'),
      version: packageJson().version,
    });
    expect(out.stages).toBeGreaterThan(1);
    expect(out.ids).toContain('swindon');
    expect(out.schemaTitle).toBe(JSON.parse(readFileSync(join(staged.dir, 'schema.json'), 'utf8')).title);
  });

  it('requires "." and "./territories" as CJS, and TimeError is one class across entries', () => {
    write(
      'cjs.cjs',
      `
const { addWorkingDays, getProtocol, TimeError } = require('escalation-protocols');
const { calendarFromDateHolidays } = require('escalation-protocols/territories');
const schema = require('escalation-protocols/schema.json');
let error;
try { calendarFromDateHolidays(null); } catch (e) { error = e; }
console.log(JSON.stringify({
  day: addWorkingDays('2026-12-21', 17), id: getProtocol('swindon').id,
  instance: error instanceof TimeError, code: error && error.code, schema: typeof schema.$schema,
  resolved: require.resolve('escalation-protocols').endsWith('.cjs'),
}));
`,
    );
    expect(JSON.parse(node('cjs.cjs'))).toEqual({
      day: '2027-01-18',
      id: 'swindon',
      instance: true,
      code: 'time/invalid-holidays',
      schema: 'string',
      resolved: true,
    });
  });

  // #15: zod's bundled code runs when the first schema is built, not at import, so an import that
  // only computes statuses never pays for it. zod's first evaluation creates its shared config on
  // globalThis, which is how these see whether it has run. Parsing must still work synchronously
  // on first use, from each format, and the public schemas must still be zod schemas.
  // The Node builds keep zod in dist/zod.cjs, required on first use: loaded CommonJS files are in the
  // one module cache that ESM's createRequire and CJS's require share, so whether it was read shows there.
  const firstParse = (load: string, zod: string): string => `
${load}
const zodFileRead = () => Object.keys(cache).some((file) => file.endsWith('zod.cjs'));
const before = '__zod_globalConfig' in globalThis;
const readBefore = zodFileRead();
const tiny = lib.parseProtocol({ id: 'tiny' });
const swindon = lib.getProtocol('swindon');
${zod}
console.log(JSON.stringify({
  before, after: '__zod_globalConfig' in globalThis, readBefore, readAfter: zodFileRead(),
  tiny: tiny.success, codes: tiny.success ? [] : [...new Set(tiny.issues.map((i) => i.code))],
  swindon: swindon.id, again: lib.parseProtocol(swindon).success,
  zodObject: lib.ProtocolSchema instanceof z.ZodObject, strict: lib.ProtocolSchema.safeParse({ ...swindon, extra: 1 }).success,
}));
`;
  const expectFirstParse = (out: string): void => {
    const seen = JSON.parse(out);
    expect(seen).toMatchObject({
      before: false,
      after: true,
      readBefore: false,
      readAfter: true,
      tiny: false,
      swindon: 'swindon',
      again: true,
      zodObject: true,
      strict: false,
    });
    expect(seen.codes).toContain('schema/missing-key');
  };

  it('imports as ESM without reading or running zod, and parses on first use', () => {
    write(
      'first-parse.mjs',
      firstParse(
        "import * as lib from 'escalation-protocols';\nimport { createRequire } from 'node:module';\nconst { cache } = createRequire(import.meta.url);",
        "const z = await import('zod');",
      ),
    );
    expectFirstParse(node('first-parse.mjs'));
  });

  it('requires as CJS without reading or running zod, and parses on first use', () => {
    write(
      'first-parse.cjs',
      firstParse("const lib = require('escalation-protocols');\nconst { cache } = require;", "const z = require('zod');"),
    );
    expectFirstParse(node('first-parse.cjs'));
  });

  describe('TypeScript consumers compile (tsc --noEmit)', () => {
    // One consumer file; @ts-expect-error lines fail the compile if the types stop catching mistakes.
    const consumer = `
import { addWorkingDays, applyEvent, getProtocol, openCase, status, TimeError, type Case, type Protocol, type ProtocolIssue } from 'escalation-protocols';
import { calendarFromDateHolidays, type DateHolidaysLike } from 'escalation-protocols/territories';

const p: Protocol = getProtocol('swindon');
const day: string = addWorkingDays('2026-12-21', 17);
// @ts-expect-error: not a bundled protocol id
getProtocol('nowhere');
// @ts-expect-error: the number of working days is a number
addWorkingDays('2026-12-21', '17');
const opened = openCase(p, { at: '2026-12-21T10:00', subject: 'child', raisingAgency: 'School', receivingAgency: "Children's Social Care" });
if (opened.success) {
  const kase: Case = opened.case;
  const now = status(p, kase, '2027-01-05T09:00');
  if (now.success) now.status.obligations.map((o) => o.due?.date);
  // @ts-expect-error: not an event type
  applyEvent(p, kase, { type: 'teleported', at: '2026-12-22T10:00' });
}
const holidays: DateHolidaysLike = { getHolidays: () => [] };
try {
  calendarFromDateHolidays(holidays, { territory: 'JE' });
} catch (error) {
  if (error instanceof TimeError) console.log(error.code);
}
export const issues: readonly ProtocolIssue[] = [];
export { day };
`;
    const withJson = `${consumer}
import schema from 'escalation-protocols/schema.json' with { type: 'json' };
export const title: string = schema.title;
`;
    const tsc = (name: string, compilerOptions: Record<string, unknown>, files: Record<string, string>): void => {
      for (const [file, text] of Object.entries(files)) write(file, text);
      const config = {
        compilerOptions: { target: 'es2022', strict: true, noEmit: true, types: [], ...compilerOptions },
        files: Object.keys(files),
      };
      write(`tsconfig.${name}.json`, JSON.stringify(config, null, 2));
      run(process.execPath, [TSC, '-p', `tsconfig.${name}.json`], { cwd: project });
    };

    it(
      'module and moduleResolution node16: an .mts and a .cts file, checking the package declarations too',
      () => {
        // skipLibCheck off: the .d.ts and .d.cts files themselves must be valid for each format.
        tsc(
          'node16',
          { module: 'node16', moduleResolution: 'node16', skipLibCheck: false },
          { 'ts/node16/consumer.mts': consumer, 'ts/node16/consumer.cts': consumer },
        );
      },
      SLOW,
    );

    it(
      'module and moduleResolution nodenext, with the JSON schema imported',
      () => {
        tsc(
          'nodenext',
          { module: 'nodenext', moduleResolution: 'nodenext', resolveJsonModule: true, skipLibCheck: true },
          { 'ts/nodenext/consumer.mts': withJson },
        );
      },
      SLOW,
    );

    it(
      'moduleResolution bundler, with the JSON schema imported',
      () => {
        tsc(
          'bundler',
          { module: 'esnext', moduleResolution: 'bundler', resolveJsonModule: true, skipLibCheck: true },
          { 'ts/bundler/consumer.ts': withJson },
        );
      },
      SLOW,
    );
  });

  describe('the command-line tool from node_modules/.bin', () => {
    const cli = (...args: string[]): string => run(join(project, 'node_modules/.bin/escalation-protocols'), args, { cwd: project });
    const bundled = 'node_modules/escalation-protocols/protocols/';

    it('prints the package version', () => {
      expect(cli('--version').trim()).toBe(packageJson().version);
    });

    it('validates the bundled protocols inside the installed package with no errors', () => {
      const findings = JSON.parse(cli('validate', bundled, '--format', 'json', '--today', '2026-01-01')) as {
        severity: string;
        file: string;
      }[];
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(findings.every((f) => f.file.startsWith(bundled))).toBe(true);
    });

    it('runs the bundled scenario files', () => {
      expect(cli('test', bundled)).toMatch(/\b0 failed\b/);
    });

    it('prints the same JSON Schema as the packaged schema.json', () => {
      expect(JSON.parse(cli('schema'))).toEqual(
        JSON.parse(readFileSync(join(project, 'node_modules/escalation-protocols/schema.json'), 'utf8')),
      );
    });
  });
});

describe('package linters', () => {
  it(
    'publint --strict reports no errors or warnings',
    () => {
      // --strict turns warnings into a non-zero exit (which fails `run`, printing them); suggestions
      // are printed but do not fail.
      const out = run(BIN('publint'), ['run', staged.dir, '--strict'], { cwd: tmpdir() });
      expect(out).toMatch(/All good|Suggestions/);
    },
    SLOW,
  );

  it(
    'arethetypeswrong (the tarball npm pack made, strict profile) reports no problems',
    () => {
      // The same as `attw --pack .` on a built checkout, without racing other builds of dist/. The
      // strict profile includes node10 resolution, under which only "typesVersions" can point
      // TypeScript at "./territories" types (package.json "exports" is ignored there). The JSON
      // subpaths ("./schema.json", "./package.json") resolve everywhere and are not flagged; the bin
      // is not an entry point and is not analysed.
      const out = run(BIN('attw'), [staged.tarball, '--no-emoji', '--no-color', '--format', 'table-flipped'], { cwd: tmpdir() });
      expect(out).toMatch(/No problems found/);
    },
    SLOW,
  );
});

// Keep the staged package.json honest: the one packed is the repository's.
it('packs the repository package.json unchanged', () => {
  expect(JSON.parse(readFileSync(join(staged.dir, 'package.json'), 'utf8'))).toEqual(packageJson());
});
