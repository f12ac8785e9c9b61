import { describe, expect, it } from 'vitest';
import { acceptFindings, lintProtocol, parseProtocol, parseProtocolOrThrow, type ProtocolInput } from '../../src/index.js';
import { ISSUE_CODES, type IssueCode, isIssueCode, issueCodes, severityOf } from '../../src/protocol/issues.js';
import { fixture, fixtureInput } from '../engine/_fixture.js';

const SKIP = {
  code: 'lint/skip-over-stage',
  path: ['stages', 2, 'skips', 0],
  reason: 'The document allows the skip; the partnership confirmed it.',
};
const withAccepted = (accepted: ProtocolInput['accepted']) => parseProtocolOrThrow({ ...fixtureInput, accepted });

describe('acceptFindings', () => {
  it('marks the finding an entry names with its reason, and keeps it', () => {
    const protocol = withAccepted([SKIP]);
    const findings = acceptFindings(protocol, lintProtocol(protocol));
    const skip = findings.find((f) => f.code === 'lint/skip-over-stage');
    expect(skip).toMatchObject({ severity: 'warning', accepted: SKIP.reason, path: SKIP.path });
    expect(findings.filter((f) => f.code === 'lint/missing-citation').every((f) => f.accepted === undefined)).toBe(true);
    expect(findings.map((f) => f.code)).not.toContain('lint/unmatched-acceptance');
  });

  it('reports an entry that matches nothing (wrong path, or a code with no finding)', () => {
    const protocol = withAccepted([{ ...SKIP, path: ['stages', 1, 'skips', 0] }]);
    const findings = acceptFindings(protocol, lintProtocol(protocol));
    expect(findings.find((f) => f.code === 'lint/unmatched-acceptance')).toMatchObject({
      severity: 'warning',
      path: ['accepted', 0],
    });
    expect(findings.find((f) => f.code === 'lint/skip-over-stage')?.accepted).toBeUndefined();
  });

  it('suggests the code meant when an entry names no code', () => {
    const protocol = withAccepted([{ ...SKIP, code: 'lint/skip-over-stages' }]);
    const unmatched = acceptFindings(protocol, lintProtocol(protocol)).find((f) => f.code === 'lint/unmatched-acceptance');
    expect(unmatched?.message).toContain('Did you mean "lint/skip-over-stage"?');
  });

  it('leaves rules that did not run alone', () => {
    const protocol = withAccepted([{ code: 'lint/review-date-passed', path: ['reviewBy'], reason: 'The document’s own review date.' }]);
    expect(acceptFindings(protocol, lintProtocol(protocol), { notRun: ['lint/review-date-passed'] }).map((f) => f.code)).not.toContain(
      'lint/unmatched-acceptance',
    );
    expect(acceptFindings(protocol, lintProtocol(protocol, { today: '2025-01-01' })).map((f) => f.code)).toContain(
      'lint/unmatched-acceptance',
    );
  });

  it('never accepts an error', () => {
    const error = { code: 'lint/skip-over-stage', severity: 'error', path: SKIP.path, message: 'raised to an error' } as const;
    expect(acceptFindings(withAccepted([SKIP]), [error])[0]).toEqual(error);
  });

  it('is optional: a 0.1 file without "accepted" parses as before, and a malformed entry is refused', () => {
    expect(fixture.accepted).toBeUndefined();
    const bad = parseProtocol({ ...fixtureInput, accepted: [{ code: 'skip over stage', path: 'stages/2', reason: '' }] });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.issues.map((i) => i.path.join('/'))).toEqual(['accepted/0/code', 'accepted/0/path', 'accepted/0/reason']);
  });
});

// Parsing and linting read each code's default severity from a table of their own (so that a page's
// bundler can leave ISSUE_CODES' meanings out); the compiler checks the two tables hold the same
// codes and severities, and this the same order, which "did you mean" keeps the first of ties by.
describe('the finding codes parsing reads', () => {
  it("are ISSUE_CODES' codes, in its order, with its severities", () => {
    expect(issueCodes()).toEqual(Object.keys(ISSUE_CODES));
    for (const code of issueCodes()) {
      expect(isIssueCode(code)).toBe(true);
      expect(severityOf(code as IssueCode)).toBe(ISSUE_CODES[code as IssueCode].severity);
    }
    expect(isIssueCode('lint/no-such-rule')).toBe(false);
  });
});
