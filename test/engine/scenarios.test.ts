import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenarios } from '../../src/index.js';
import { fixture } from './_fixture.js';

const file = JSON.parse(readFileSync(join(import.meta.dirname, 'fixture.scenarios.json'), 'utf8'));
const run = runScenarios(fixture, file);

describe('engine scenarios written as data (fixture.scenarios.json)', () => {
  it('the file is valid', () => {
    expect(run.success ? [] : run.issues).toEqual([]);
  });
  const results = run.success ? run.results : [];
  it.each(results.map((r) => [r.name, r] as const))('%s', (_name, result) => {
    expect(result.failures).toEqual([]);
    expect(result.expectations).toBeGreaterThan(0);
  });
});

describe('the scenario runner reports failures', () => {
  it('a wrong expectation fails with where, expected and actual', () => {
    const bad = {
      protocol: 'fixture',
      scenarios: [{ name: 'wrong', plan: { from: '2026-12-21', dueDates: { 'stage-1': '2026-12-24' } } }],
    };
    const result = runScenarios(fixture, bad);
    expect(result).toMatchObject({
      success: true,
      results: [{ passed: false, failures: [{ where: 'plan/stage-1', expected: '2026-12-24', actual: '2026-12-23' }] }],
    });
  });

  it('a malformed file is reported as issues, not thrown', () => {
    expect(runScenarios(fixture, { protocol: 'fixture', scenarios: [{ nom: 'x' }] })).toMatchObject({ success: false });
    expect(runScenarios(fixture, { protocol: 'other', scenarios: [{ name: 'x' }] })).toMatchObject({
      success: false,
      issues: [{ path: ['protocol'] }],
    });
  });
});
