// Every bundled protocol parses and passes the semantic checks, its quotes are verbatim from the
// source documents, its remaining lint findings are explained, and its scenario file passes.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptFindings, lintProtocol, loadProtocol, runScenarios } from '../../src/index.js';

const dir = join(import.meta.dirname, '../../protocols');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.scenarios.json'));
const shared = join(import.meta.dirname, '../../../shared/tools/check-quotes.mjs');

describe.each(files)('%s', (file) => {
  const text = readFileSync(join(dir, file), 'utf8');
  const result = loadProtocol(text);

  it('parses and passes the semantic checks', () => {
    expect(result.success ? [] : result.issues).toEqual([]);
  });

  it('has no lint errors, and every warning is explained in its notes', () => {
    if (!result.success) return expect.unreachable();
    const findings = lintProtocol(result.protocol, { today: result.protocol.effectiveFrom });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const notes = (result.protocol.notes ?? []).join('\n');
    for (const warning of findings.filter((f) => f.severity === 'warning')) {
      expect(notes, `explain ${warning.code} at ${warning.path.join('/')} in "notes"`).toContain(warning.code);
    }
  });

  // What `validate protocols/ --strict` needs: every warning, on a date after every bundled review
  // date, accepted by the file, every acceptance used, and each one's code explained in the notes.
  it('accepts each of its warnings, with a reason its notes explain', () => {
    if (!result.success) return expect.unreachable();
    const findings = acceptFindings(result.protocol, lintProtocol(result.protocol, { today: '2026-12-21' }));
    expect(findings.filter((f) => f.severity === 'warning' && !f.accepted).map((f) => `${f.code} ${f.path.join('/')}`)).toEqual([]);
    const notes = (result.protocol.notes ?? []).join('\n');
    for (const entry of result.protocol.accepted ?? []) {
      expect(notes, `explain ${entry.code} in "notes"`).toContain(entry.code);
      expect(entry.reason.length).toBeGreaterThan(40);
    }
  });

  it('passes its scenario file', () => {
    if (!result.success) return expect.unreachable();
    const scenarios = join(dir, file.replace(/\.json$/, '.scenarios.json'));
    expect(existsSync(scenarios), `${scenarios} exists`).toBe(true);
    const run = runScenarios(result.protocol, JSON.parse(readFileSync(scenarios, 'utf8')));
    expect(run.success ? [] : run.issues).toEqual([]);
    if (!run.success) return;
    for (const r of run.results) expect(r.failures, r.name).toEqual([]);
    expect(run.results.every((r) => r.expectations > 0)).toBe(true);
  });
});

describe.runIf(existsSync(shared))('quotes', () => {
  it('every source.quote is verbatim from ../shared/seeds (check-quotes.mjs)', () => {
    const out = execFileSync('node', [shared, dir], { encoding: 'utf8' });
    expect(out).toMatch(/check-quotes: (\d+) of \1 quotes found/);
  });
});
