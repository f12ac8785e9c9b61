// The command-line tool on inputs it cannot or should not read (issue #18): an unreadable folder is a
// usage error like an unreadable file (exit 2, one line); files are read as bytes and decoded as
// strict UTF-8; symbolic links in a folder are followed or reported; the size cap is checked before
// a file is read, and --max-size raises it.

import { chmodSync, copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cli, expectOneLine, fixture, tempDir } from './_cli.js';

beforeAll(buildCli, 120_000);

const PRELOAD = pathToFileURL(join(import.meta.dirname, '_unreadable.mjs')).href;
/** The CLI with reading `path` failing as EACCES (see _unreadable.mjs), whoever runs the test. */
const denying = (path: string, args: string[]) => cli(args, { env: { NODE_OPTIONS: `--import=${PRELOAD}`, EP_UNREADABLE: path } });
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('an unreadable folder or file', () => {
  it('a folder whose listing fails is exit 2 with one line, for validate and test', () => {
    const dir = tempDir();
    copyFileSync(fixture('fixture.json'), join(dir, 'fixture.json'));
    for (const command of ['validate', 'test']) {
      const run = denying(dir, [command, dir]);
      expect(run.status, run.stderr).toBe(2);
      expect(expectOneLine(run.stderr)).toBe(`escalation-protocols ${command}: ${dir}: cannot read the folder (EACCES)`);
    }
  });

  it('an unreadable file is exit 2 with one line, as before', () => {
    const dir = tempDir();
    const file = join(dir, 'fixture.json');
    copyFileSync(fixture('fixture.json'), file);
    const run = denying(file, ['validate', file]);
    expect(run.status).toBe(2);
    expect(expectOneLine(run.stderr)).toBe(`escalation-protocols validate: ${file}: cannot read it (EACCES)`);
  });

  it.skipIf(isRoot)('and with real permissions, where the operating system enforces them', () => {
    const dir = tempDir();
    copyFileSync(fixture('fixture.json'), join(dir, 'fixture.json'));
    chmodSync(dir, 0o000);
    try {
      const run = cli(['validate', dir]);
      expect(run.status).toBe(2);
      expect(expectOneLine(run.stderr)).toContain('cannot read the folder (EACCES)');
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});

describe('bytes that are not UTF-8', () => {
  it('validate reports the first bad byte as a finding with line and column (exit 1)', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.json');
    writeFileSync(file, Buffer.concat([Buffer.from('{\n  "title": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}\n')]));
    const run = cli(['validate', file, '--format', 'json']);
    expect(run.status).toBe(1);
    const findings = JSON.parse(run.stdout) as { code: string; line: number; column: number }[];
    expect(findings.map(({ code, line, column }) => ({ code, line, column }))).toEqual([
      { code: 'json/invalid-utf8', line: 2, column: 16 },
    ]);
  });
});

describe('symbolic links in a folder', () => {
  it('a link to a file is followed and checked once; a link to a folder, nowhere or a loop is reported', () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    copyFileSync(fixture('fixture.json'), join(elsewhere, 'real.json'));
    writeFileSync(join(elsewhere, 'broken.json'), '{ "id": ');
    mkdirSync(join(elsewhere, 'folder.json'));
    symlinkSync(join(elsewhere, 'real.json'), join(dir, 'linked.json'));
    symlinkSync(join(elsewhere, 'broken.json'), join(dir, 'linked-broken.json'));
    symlinkSync(join(elsewhere, 'folder.json'), join(dir, 'to-folder.json'));
    symlinkSync(join(elsewhere, 'missing.json'), join(dir, 'dangling.json'));
    symlinkSync(join(dir, 'loop-b.json'), join(dir, 'loop-a.json'));
    symlinkSync(join(dir, 'loop-a.json'), join(dir, 'loop-b.json'));
    const run = cli(['validate', dir, join(elsewhere, 'real.json'), '--format', 'json']);
    const files = [...new Set((JSON.parse(run.stdout) as { file: string }[]).map((f) => f.file))];
    // real.json is named and linked: checked once, under the name given. The broken file is reached
    // through its link, and its syntax error reported there.
    expect(files).toEqual([join(elsewhere, 'real.json'), join(dir, 'linked-broken.json')]);
    expect(run.status).toBe(1);
    const skipped = run.stderr.trimEnd().split('\n').sort();
    expect(skipped).toEqual([
      `skipping ${join(dir, 'dangling.json')}: a symbolic link to nothing (broken, or a loop)`,
      `skipping ${join(dir, 'loop-a.json')}: a symbolic link to nothing (broken, or a loop)`,
      `skipping ${join(dir, 'loop-b.json')}: a symbolic link to nothing (broken, or a loop)`,
      `skipping ${join(dir, 'to-folder.json')}: a symbolic link to something that is not a file`,
    ]);
    const text = cli(['validate', dir, join(elsewhere, 'real.json')]);
    expect(text.stdout).toContain('2 files checked');
  });
});

describe('the size cap', () => {
  it('a file over 1 MiB is a json/too-large finding, found without reading it; --max-size raises the cap', () => {
    const dir = tempDir();
    const file = join(dir, 'big.json');
    writeFileSync(file, '['.repeat(50 * 1024 * 1024));
    const run = cli(['validate', file, '--format', 'json']);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as { code: string }[]).map((f) => f.code)).toEqual(['json/too-large']);

    const padded = join(dir, 'padded.json');
    writeFileSync(padded, ' '.repeat(1024 * 1024) + JSON.stringify(JSON.parse('{}')));
    expect((JSON.parse(cli(['validate', padded, '--format', 'json']).stdout) as { code: string }[])[0]?.code).toBe('json/too-large');
    const raised = cli(['validate', padded, '--format', 'json', '--max-size', String(2 * 1024 * 1024)]);
    expect((JSON.parse(raised.stdout) as { code: string }[])[0]?.code).not.toBe('json/too-large');
  });

  it('--max-size takes a whole number of bytes', () => {
    for (const value of ['0', '-1', '1.5', 'big', '1MB']) {
      const run = cli(['validate', fixture('fixture.json'), `--max-size=${value}`]);
      expect(run.status, value).toBe(2);
      expect(expectOneLine(run.stderr)).toBe(`escalation-protocols validate: --max-size must be a whole number of bytes, not "${value}"`);
    }
    expect(cli(['validate', fixture('fixture.json'), '--max-size', '100']).status).toBe(1);
    expect(cli(['test', fixture('fixture.scenarios.json'), '--max-size', '100']).status).toBe(1);
  });
});
