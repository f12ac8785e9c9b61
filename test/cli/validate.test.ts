// `escalation-protocols validate`: what CI runs. Positions, the three formats, --strict, exit codes.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildCli, cli, expectOneLine, fixture, tempDir } from './_cli.js';

beforeAll(buildCli, 120_000);

const BROKEN = 'test/cli/fixtures/broken.json';
const MINIMAL = 'test/cli/fixtures/minimal.jsonc';

describe('validate', () => {
  it('passes a sound protocol (JSONC) with exit 0 and a summary line', () => {
    const run = cli(['validate', MINIMAL, '--today', '2025-06-01']);
    expect(run.stdout).toBe('1 file checked: 0 errors, 0 warnings, 0 info\n');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('reports a typo in a key on line 12 as file:12:col with a suggestion, and exits 1', () => {
    const run = cli(['validate', BROKEN]);
    expect(run.stdout).toContain(`${BROKEN}:12:7 error schema/unknown-key Unknown key "descripton". Did you mean "description"?`);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('1 file checked: 1 error, 0 warnings, 0 info (invalid)');
    expect(run.status).toBe(1);
  });

  it('reports lint findings with their line too; warnings pass unless --strict', () => {
    const run = cli(['validate', MINIMAL, '--today', '2026-11-22']);
    expect(run.stdout).toContain(
      `${MINIMAL}:8:15 warning lint/review-date-passed The review date 2026-01-31 has passed (today is 2026-11-22)`,
    );
    expect(run.status).toBe(0);
    const strict = cli(['validate', MINIMAL, '--today', '2026-11-22', '--strict']);
    expect(strict.stdout).toContain('1 warning, 0 info (--strict: warnings fail)');
    expect(strict.status).toBe(1);
  });

  it('checks the review date against the real date by default', () => {
    // reviewBy 2026-01-31 has passed for as long as this test suite exists.
    expect(cli(['validate', MINIMAL]).stdout).toContain('lint/review-date-passed');
  });

  it('--format json prints an array of findings with file, line, column, severity, code, path and message', () => {
    const run = cli(['validate', BROKEN, MINIMAL, '--format', 'json', '--today', '2026-11-22']);
    const findings = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(findings).toEqual([
      {
        file: BROKEN,
        line: 12,
        column: 7,
        severity: 'error',
        code: 'schema/unknown-key',
        path: ['scope', 'preconditions', 0, 'descripton'],
        message: expect.stringContaining('Did you mean "description"?'),
      },
      {
        file: MINIMAL,
        line: 8,
        column: 15,
        severity: 'warning',
        code: 'lint/review-date-passed',
        path: ['reviewBy'],
        message: expect.any(String),
      },
    ]);
    expect(run.status).toBe(1);
  });

  it('--format github prints workflow annotations: ::error, ::warning, ::notice', () => {
    const run = cli(['validate', BROKEN, MINIMAL, 'test/cli/fixtures/fixture.json', '--format', 'github', '--today', '2026-11-22']);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^::error file=test\/cli\/fixtures\/broken\.json,line=12,col=7::schema\/unknown-key Unknown key "descripton"\./,
    );
    expect(lines).toContain(
      `::warning file=test/cli/fixtures/minimal.jsonc,line=8,col=15::lint/review-date-passed The review date 2026-01-31 has passed (today is 2026-11-22); check the partnership's current document, then update "version", "effectiveFrom" and "reviewBy".`,
    );
    expect(lines.some((l) => l.startsWith('::warning file=test/cli/fixtures/fixture.json,line=63,col=17::lint/skip-over-stage'))).toBe(
      true,
    );
    expect(lines.at(-1)).toMatch(/^3 files checked: 1 error, \d+ warnings, 0 info \(invalid\)$/);
    expect(run.status).toBe(1);
  });

  it('--format github writes ::notice for info findings', () => {
    const dir = tempDir();
    // A stage with only words for a timescale: lint/no-numeric-timescale (info).
    const text = `{ "id": "words", "title": "T", "partnership": "P", "version": "1", "effectiveFrom": "2024-01-01",
  "source": { "title": "T", "publisher": "P" }, "scope": { "subjects": ["child"] },
  "roles": [{ "id": "a", "title": "A", "side": "raising" }],
  "stages": [{ "id": "s", "title": "S", "owners": ["a"], "source": { "quote": "q" },
    "obligations": [{ "id": "o", "action": "Act", "owner": "a", "due": { "none": "timely" }, "source": { "quote": "in a timely way" } }] }] }`;
    const file = join(dir, 'words.json');
    writeFileSync(file, text);
    const run = cli(['validate', file, '--format', 'github']);
    expect(run.stdout).toMatch(
      /^::notice file=.*words\.json,line=4,col=14::lint\/no-numeric-timescale Stage "s" has no numeric timescale/m,
    );
    expect(run.status).toBe(0);
  });

  it('takes folders: .json and .jsonc files directly inside, skipping *.scenarios.json', () => {
    const run = cli(['validate', 'test/cli/fixtures', '--today', '2025-06-01']);
    expect(run.stdout).toMatch(/^3 files checked: 1 error, \d+ warnings, 0 info \(invalid\)$/m);
    expect(run.stdout).not.toContain('scenarios');
    expect(run.status).toBe(1);
  });

  it('defaults to protocols/ in the current folder', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'protocols'));
    copyFileSync(fixture('minimal.jsonc'), join(dir, 'protocols/minimal.jsonc'));
    copyFileSync(fixture('fixture.scenarios.json'), join(dir, 'protocols/minimal.scenarios.json'));
    const run = cli(['validate', '--today', '2025-06-01'], { cwd: dir });
    expect(run.stdout).toBe('1 file checked: 0 errors, 0 warnings, 0 info\n');
    expect(run.status).toBe(0);
    const empty = cli(['validate'], { cwd: tempDir() });
    expect(expectOneLine(empty.stderr)).toBe('escalation-protocols validate: protocols/: no such file or folder');
    expect(empty.status).toBe(2);
  });

  it('a missing file is a usage error: one line, exit 2, no stack trace', () => {
    const run = cli(['validate', 'no/such/file.json']);
    expect(expectOneLine(run.stderr)).toBe('escalation-protocols validate: no/such/file.json: no such file or folder');
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });

  it('an unknown flag, a bad --format or a bad --today is a usage error (exit 2)', () => {
    const unknown = cli(['validate', MINIMAL, '--stirct']);
    expect(expectOneLine(unknown.stderr)).toBe(
      'escalation-protocols validate: unknown option --stirct (see "escalation-protocols validate --help")',
    );
    expect(unknown.status).toBe(2);
    const format = cli(['validate', MINIMAL, '--format', 'xml']);
    expect(expectOneLine(format.stderr)).toContain('--format must be text, json, github');
    expect(format.status).toBe(2);
    const today = cli(['validate', MINIMAL, '--today', '2026-02-30']);
    expect(expectOneLine(today.stderr)).toContain('--today must be a date YYYY-MM-DD');
    expect(today.status).toBe(2);
  });

  it('prints no colour codes when stdout is not a terminal, even without NO_COLOR', () => {
    const run = cli(['validate', BROKEN], { env: { NO_COLOR: '' } });
    expect(run.stdout).not.toContain('\x1b[');
  });

  it.runIf(existsSync(join(ROOT, 'protocols/swindon.json')))('validates the bundled Swindon protocol without errors', () => {
    const run = cli(['validate', 'protocols/swindon.json', '--today', '2025-06-01']);
    expect(run.stdout).toMatch(/^1 file checked: 0 errors, /m);
    expect(run.status).toBe(0);
  });
});
