import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_PROTOCOL_IDS, getProtocol, lintProtocol, parseProtocolOrThrow } from '../../src/index.js';
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

  it('reads the quote: Croydon with stage 1 at 3wd while its quote says "7 working days"', () => {
    const croydon = JSON.parse(readFileSync(join(import.meta.dirname, '../../protocols/croydon.json'), 'utf8'));
    expect(codes(lintProtocol(parseProtocolOrThrow(croydon)))).not.toContain('lint/quote-disagrees');
    croydon.stages[0].obligations[0].due.within = '3wd';
    const found = lintProtocol(parseProtocolOrThrow(croydon)).filter((f) => f.code === 'lint/quote-disagrees');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', path: ['stages', 0, 'obligations', 0, 'due'] });
    expect(found[0]!.message).toContain('"7 working days"');
    expect(found[0]!.message).toContain('3 working days');
  });

  const quoted = (quote: string, within: string) =>
    codes(
      lintProtocol(
        parseProtocolOrThrow({
          ...fixtureInput,
          stages: fixtureInput.stages.map((s) =>
            s.id === 'stage-1' ? { ...s, obligations: [{ ...s.obligations![0]!, due: { within }, source: { quote } }] } : s,
          ),
        }),
      ),
    ).includes('lint/quote-disagrees');

  it.each([
    ['within five working days of the completion of Stage 1', '5wd', false],
    ['within five working days of the completion of Stage 1', '7wd', true],
    ['must be escalated within 48 hours', '48h', false],
    ['must be escalated within 48 hours', '2wd', true],
    ['within one month of the meeting', '1mo', false],
    ['within one month of the meeting', '4w', true],
    ['6 weeks post conference', '6w', false],
    ['6 weeks post conference', '5w', true],
    ['within twenty-one days', '21d', false],
    ['within thirty working days', '20wd', true],
    ['Seek to resolve within 24 to 96 hrs.', '96h', true],
    ['as soon as possible, and in a timely way', '5wd', false],
  ])('"%s" against %s: %s', (quote, within, expected) => {
    expect(quoted(quote, within)).toBe(expected);
  });

  it.each(BUNDLED_PROTOCOL_IDS)('%s: no quote disagrees with its timescale', (id) => {
    expect(lintProtocol(getProtocol(id)).filter((f) => f.code === 'lint/quote-disagrees')).toEqual([]);
  });
});
