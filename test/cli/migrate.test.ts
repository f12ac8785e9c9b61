// `escalation-protocols migrate`: a file 0.1 accepted (here the minimal fixture with a repeated key and
// a raw tab, both of which this version refuses) is rewritten in place so that `validate` accepts it
// with the meaning 0.1 gave it; `--check` says so without writing, for CI.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cli, fixture, tempDir } from './_cli.js';

beforeAll(buildCli, 120_000);

const minimal = readFileSync(fixture('minimal.jsonc'), 'utf8');
// What a 0.1 author could have written: an earlier title left in, and a tab pasted into the new one.
const old = minimal.replace('"title": "Minimal procedure",', '"title": "Old title",\n  "title": "Minimal\tprocedure",');

describe('migrate', () => {
  it('rewrites a 0.1 file in place, listing each change, and validate then reads it', () => {
    const dir = tempDir();
    const file = join(dir, 'minimal.jsonc');
    writeFileSync(file, old);
    expect(cli(['validate', file, '--today', '2025-01-01']).status).toBe(1);

    const run = cli(['migrate', dir]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      `${file}:4:3: "title" at the top level was written again at line 5; removed this earlier one, which 0.1 ignored.`,
    );
    expect(run.stdout).toContain(`${file}:5:20: A raw control character (U+0009) inside a string is now written as its escape.`);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('1 file: 1 migrated');
    expect(readFileSync(file, 'utf8')).toBe(minimal.replace('"Minimal procedure"', '"Minimal\\tprocedure"'));

    const valid = cli(['validate', file, '--today', '2025-01-01', '--format', 'json']);
    expect(valid.status, valid.stdout).toBe(0);
    // A second run has nothing left to do.
    expect(cli(['migrate', file]).stdout.trim()).toBe('1 file: 0 migrated');
  });

  it('--check writes nothing and exits 1 while a file needs migrating, 0 once none does', () => {
    const dir = tempDir();
    const file = join(dir, 'minimal.jsonc');
    writeFileSync(file, old);
    const run = cli(['migrate', '--check', file]);
    expect(run.status).toBe(1);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('1 file: 1 need migrating');
    expect(readFileSync(file, 'utf8')).toBe(old);
    expect(cli(['migrate', '--check', fixture('minimal.jsonc')]).status).toBe(0);
  });

  it('a file that is not JSON is exit 1 with its place, and is left alone', () => {
    const dir = tempDir();
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "id": }');
    const run = cli(['migrate', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${file}:1:9: Not JSON even after migration:`);
    expect(readFileSync(file, 'utf8')).toBe('{ "id": }');
  });
});
