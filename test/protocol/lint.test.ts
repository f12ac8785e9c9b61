import { describe, expect, it } from 'vitest';
import { lintProtocol, parseProtocolOrThrow } from '../../src/index.js';
import { fixture, fixtureInput } from '../engine/_fixture.js';

const codes = (findings: { code: string }[]): string[] => findings.map((f) => f.code);

describe('lintProtocol', () => {
  it('flags a passed review date only when given today', () => {
    expect(codes(lintProtocol(fixture))).not.toContain('lint/review-date-passed');
    expect(lintProtocol(fixture, { today: '2026-11-22' }).find((f) => f.code === 'lint/review-date-passed')).toMatchObject({
      severity: 'warning',
      path: ['reviewBy'],
    });
    expect(codes(lintProtocol(fixture, { today: '2025-06-01' }))).not.toContain('lint/review-date-passed');
  });

  it('flags "days" without "working" in a cited timescale (Oxfordshire step 3)', () => {
    const stages = fixtureInput.stages.map((s) =>
      s.id === 'stage-1'
        ? { ...s, obligations: [{ ...s.obligations![0]!, due: { within: '5d' }, source: { quote: 'Written response within 5 days' } }] }
        : s,
    );
    const findings = lintProtocol(parseProtocolOrThrow({ ...fixtureInput, stages }));
    expect(findings.find((f) => f.code === 'lint/ambiguous-days')).toMatchObject({
      path: ['stages', 0, 'obligations', 0, 'due'],
      severity: 'warning',
    });
  });

  it('does not flag "working days"', () => {
    const stages = fixtureInput.stages.map((s) =>
      s.id === 'stage-1'
        ? { ...s, obligations: [{ ...s.obligations![0]!, source: { quote: 'within two working days of the disagreement' } }] }
        : s,
    );
    expect(codes(lintProtocol(parseProtocolOrThrow({ ...fixtureInput, stages })))).not.toContain('lint/ambiguous-days');
  });

  it('flags a stage with no numeric timescale, at info level', () => {
    const stages = fixtureInput.stages.map((s) =>
      s.id === 'stage-2' ? { ...s, obligations: [{ ...s.obligations![0]!, due: { none: 'timely' } }] } : s,
    );
    expect(
      lintProtocol(parseProtocolOrThrow({ ...fixtureInput, stages })).find(
        (f) => f.code === 'lint/no-numeric-timescale' && f.path[1] === 1,
      ),
    ).toMatchObject({ severity: 'info' });
  });

  it('flags a skip over a stage without forbidding it', () => {
    expect(lintProtocol(fixture).find((f) => f.code === 'lint/skip-over-stage')).toMatchObject({ path: ['stages', 2, 'skips', 0] });
  });

  it('flags elements without a citation', () => {
    expect(lintProtocol(fixture).filter((f) => f.code === 'lint/missing-citation').length).toBeGreaterThan(5);
  });

  it('flags stage limits that add up past the declared ceiling', () => {
    const withCeiling = parseProtocolOrThrow({ ...fixtureInput, ceiling: { within: '13wd', from: 'disagreement' } });
    expect(lintProtocol(withCeiling).find((f) => f.code === 'lint/exceeds-ceiling')?.message).toMatch(
      /17 working days, more than the declared ceiling of 13/,
    );
  });

  it('lets each rule be switched off or raised', () => {
    const findings = lintProtocol(fixture, { rules: { 'lint/missing-citation': 'off', 'lint/skip-over-stage': 'error' } });
    expect(codes(findings)).not.toContain('lint/missing-citation');
    expect(findings.find((f) => f.code === 'lint/skip-over-stage')?.severity).toBe('error');
  });
});
