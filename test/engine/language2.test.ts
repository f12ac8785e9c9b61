// #12 part A, construct by construct, on small scenarios: duties of each party or of several
// together, duties arising from what happens, conditions on facts and the path, modality, and the
// two starting events (the disputed decision and the raising of the disagreement).
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  checkProtocol,
  diffProtocols,
  parseProtocol,
  parseProtocolOrThrow,
  renderMarkdown,
  renderMermaid,
  status,
} from '../../src/index.js';
import type { Case, CaseEvent, ObligationStatus } from '../../src/index.js';
import { fixtureInput } from './_fixture.js';

// Working days from Mon 1 Mar 2027: Tue 2 = 1, Wed 3 = 2, Thu 4 = 3, Fri 5 = 4, Mon 8 = 5, Tue 9 = 6.
const base = structuredClone(fixtureInput);
const input = {
  ...base,
  scope: {
    ...base.scope,
    preconditions: [
      {
        id: 'cp-dissent-exhausted',
        description: 'The conference dissent process should be exhausted.',
        appliesWhen: 'conference-decision',
        modality: 'should' as const,
      },
    ],
  },
  facts: [
    { id: 'priority', title: 'Priority', values: ['high', 'standard'] },
    { id: 'step-down', title: 'Step-down agreed' },
  ],
  stages: base.stages.map((s) =>
    s.id === 'stage-1'
      ? {
          ...s,
          obligations: [
            ...(s.obligations ?? []),
            {
              id: 's1-log',
              action: 'Each agency keeps a log',
              owners: { each: ['practitioner', 'head-of-service'] },
              record: 'child-file',
              due: { within: '2wd', from: 'disagreement' },
            },
            {
              id: 's1-agree',
              action: 'Agree together',
              owners: { together: ['line-manager', 'head-of-service'] },
              due: { within: '3wd', from: 'disputedDecision' },
            },
            { id: 's1-urgent', action: 'Act at once', owner: 'practitioner', due: { within: '1wd' }, if: { fact: 'priority', is: 'high' } },
            { id: 's1-consider', action: 'Consider a review', owner: 'practitioner', modality: 'may' as const, due: { within: '1wd' } },
          ],
          variants: [{ if: { fact: 'priority', is: 'high' }, owners: ['line-manager'] }],
        }
      : s.id === 'stage-3'
        ? { ...s, skips: [{ to: 'stage-5', if: { fact: 'step-down' } }] }
        : s.id === 'stage-4'
          ? { ...s, requiresIf: [{ record: 'meeting', if: { visited: 'stage-3' } }] }
          : s,
  ),
  arising: [
    {
      id: 'confirm-outcome',
      on: 'resolved',
      action: 'Confirm the agreed outcome in writing',
      owner: 'line-manager',
      record: 'form',
      due: { within: '2wd' },
    },
    { id: 'refer-up', on: 'escalated:stage-3', action: 'Refer to the managers', owner: 'practitioner', due: { within: '1wd' } },
  ],
};
const protocol = parseProtocolOrThrow(input);
const opened = (extra: Record<string, unknown> = {}): CaseEvent =>
  ({
    type: 'opened',
    at: '2027-03-01T09:00',
    subject: 'child',
    raisingAgency: 'School',
    receivingAgency: 'Social care',
    ...extra,
  }) as CaseEvent;
const kase = (...events: CaseEvent[]): Case => ({ protocol: { id: 'fixture', version: '1' }, events });
const at = (c: Case, now: string) => {
  const result = status(protocol, c, now);
  if (!result.success) throw new Error(result.refusal.message);
  return result.status;
};
const ob = (s: { obligations: readonly ObligationStatus[] }, id: string) => s.obligations.find((o) => o.id === id);

describe('construct 1: duties of each party, or of several together', () => {
  it('tracks one obligation per party, each met by its own record or fulfilment', () => {
    const c = kase(opened(), { type: 'recorded', at: '2027-03-02T10:00', record: 'child-file', party: 'practitioner' } as CaseEvent);
    const s = at(c, '2027-03-04T12:00');
    expect(ob(s, 's1-log/practitioner')?.state).toBe('met');
    expect(ob(s, 's1-log/head-of-service')?.state).toBe('overdue');
    expect(ob(s, 's1-log/head-of-service')?.owner.side).toBe('receiving');
    expect(ob(s, 's1-log/head-of-service')?.agency).toBe('Social care');
    const done = kase(...c.events, { type: 'fulfilled', at: '2027-03-03T10:00', obligation: 's1-log/head-of-service' } as CaseEvent);
    expect(ob(at(done, '2027-03-04T12:00'), 's1-log/head-of-service')?.state).toBe('met');
  });
  it('keeps one joint obligation with every owner named', () => {
    const o = ob(at(kase(opened()), '2027-03-02T12:00'), 's1-agree')!;
    expect(o.together?.map((t) => t.id)).toEqual(['line-manager', 'head-of-service']);
    expect(o.due?.date).toBe('2027-03-04');
  });
});

describe('construct 3: duties that arise from what happens', () => {
  it('owes "confirm in writing within 2 working days" only after resolution, measured from it', () => {
    const before = at(kase(opened()), '2027-03-02T12:00');
    expect(ob(before, 'confirm-outcome')).toBeUndefined();
    const resolved = kase(opened(), { type: 'resolved', at: '2027-03-04T15:00', outcome: 'Agreed' } as CaseEvent);
    const o = ob(at(resolved, '2027-03-05T12:00'), 'confirm-outcome')!;
    expect(o.due?.date).toBe('2027-03-08');
    expect(o.state).toBe('dueSoon'); // due Monday, one working day ahead
    expect(o.arising).toEqual({ on: 'resolved', at: expect.stringContaining('2027-03-04T15:00') });
    expect(ob(at(resolved, '2027-03-09T12:00'), 'confirm-outcome')?.state).toBe('overdue');
    const confirmed = kase(...resolved.events, { type: 'recorded', at: '2027-03-05T09:00', record: 'form' } as CaseEvent);
    expect(ob(at(confirmed, '2027-03-09T12:00'), 'confirm-outcome')?.state).toBe('met');
  });
  it('arises on an escalation into the named stage, and can be fulfilled by its id', () => {
    const c = kase(
      opened(),
      { type: 'escalated', at: '2027-03-02T09:00' } as CaseEvent,
      { type: 'escalated', at: '2027-03-03T09:00' } as CaseEvent,
    );
    const o = ob(at(c, '2027-03-03T12:00'), 'refer-up')!;
    expect(o.due?.date).toBe('2027-03-04');
    const done = applyEvent(protocol, c, { type: 'fulfilled', at: '2027-03-03T13:00', obligation: 'refer-up' } as CaseEvent);
    expect(done.success).toBe(true);
  });
});

describe('construct 4: conditions on facts and the path', () => {
  it('owes a duty only while its fact holds, given at opening or noted later', () => {
    expect(ob(at(kase(opened()), '2027-03-01T12:00'), 's1-urgent')).toBeUndefined();
    expect(ob(at(kase(opened({ facts: { priority: 'high' } })), '2027-03-01T12:00'), 's1-urgent')?.due?.date).toBe('2027-03-02');
    const noted = kase(opened(), { type: 'noted', at: '2027-03-01T11:00', fact: 'priority', value: 'high' } as CaseEvent);
    expect(ob(at(noted, '2027-03-01T12:00'), 's1-urgent')).toBeDefined();
  });
  it('chooses a stage variant by a fact (the owner of a high-priority case)', () => {
    expect(at(kase(opened()), '2027-03-01T12:00').stage.owners.map((o) => o.id)).toEqual(['practitioner']);
    expect(at(kase(opened({ facts: { priority: 'high' } })), '2027-03-01T12:00').stage.owners.map((o) => o.id)).toEqual(['line-manager']);
  });
  it('refuses a skip whose condition does not hold, and allows it once the fact is noted', () => {
    const c = kase(
      opened(),
      { type: 'escalated', at: '2027-03-02T09:00' } as CaseEvent,
      { type: 'escalated', at: '2027-03-02T10:00' } as CaseEvent,
    );
    const skip = { type: 'escalated', at: '2027-03-02T11:00', to: 'stage-5' } as CaseEvent;
    const refused = applyEvent(protocol, c, skip);
    expect(refused.success ? undefined : refused.refusal.code).toBe('engine/condition-unmet');
    // What is refused is not offered: the skip is listed only once its condition holds.
    const offered = (k: Case) => at(k, '2027-03-02T11:00').allowed.filter((m) => m.type === 'escalated' && m.skip);
    expect(offered(c)).toEqual([]);
    const noted = kase(...c.events, { type: 'noted', at: '2027-03-02T10:30', fact: 'step-down' } as CaseEvent);
    expect(applyEvent(protocol, noted, skip).success).toBe(true);
    expect(offered(noted)).toEqual([{ type: 'escalated', to: 'stage-5', skip: true }]);
  });
  it('refuses a fact the protocol does not declare, or a value it does not list', () => {
    const bad = applyEvent(protocol, kase(), opened({ facts: { priorty: 'high' } }));
    expect(bad.success ? undefined : bad.refusal.code).toBe('engine/unknown-fact');
    const value = applyEvent(protocol, kase(), opened({ facts: { priority: 'urgent' } }));
    expect(value.success ? undefined : value.refusal.code).toBe('engine/invalid-event');
  });
  it('requires a record only on the path that makes it due (stage 3 was used)', () => {
    const up = (n: number) => ({ type: 'escalated', at: `2027-03-0${n}T09:00` }) as CaseEvent;
    const s = at(kase(opened(), up(2), up(3), up(4)), '2027-03-04T12:00');
    expect(s.records.filter((r) => r.stage === 'stage-4').map((r) => r.record)).toEqual(['meeting']);
  });
});

describe('construct 5: modality', () => {
  it('opens a case flagged as a conference dispute with a warning, not a refusal (Swindon S1)', () => {
    const s = at(kase(opened({ flags: ['conference-decision'] })), '2027-03-01T12:00');
    expect(s.warnings?.map((w) => w.code)).toEqual(['engine/precondition-advised']);
    expect(at(kase(opened()), '2027-03-01T12:00').warnings).toBeUndefined();
  });
  it('never reports a "may" duty overdue, due soon or due now', () => {
    const o = ob(at(kase(opened()), '2027-03-10T12:00'), 's1-consider')!;
    expect(o.modality).toBe('may');
    expect(o.due?.date).toBe('2027-03-02');
    expect(o.state).toBe('noDeadline');
  });
});

describe('construct 6: two starting events', () => {
  it('measures from the disputed decision and from the raising separately', () => {
    const c = kase(opened({ arose: '2027-03-01T09:00', decidedAt: '2027-02-25T09:00' }));
    const s = at(c, '2027-03-01T12:00');
    expect(ob(s, 's1-agree')?.due?.date).toBe('2027-03-02'); // 3wd from Thu 25 Feb
    expect(ob(s, 's1-discuss')?.due?.date).toBe('2027-03-03'); // 2wd from the raising
    // Without a decision time the two are one (a case stored in 0.1).
    expect(ob(at(kase(opened()), '2027-03-01T12:00'), 's1-agree')?.due?.date).toBe('2027-03-04');
  });
  it('refuses a decision dated after the opening', () => {
    const r = applyEvent(protocol, kase(), opened({ decidedAt: '2027-03-02T09:00' }));
    expect(r.success ? undefined : r.refusal.code).toBe('engine/invalid-event');
  });
});

describe('checks, words and diff', () => {
  const codes = (edit: (p: typeof input) => unknown) => {
    const result = parseProtocol(edit(structuredClone(input)));
    return result.success ? [] : result.issues.map((i) => `${i.code} ${i.path.join('/')}`);
  };
  it('names unknown facts, roles and rules, impossible arising duties and two kinds of owner', () => {
    expect(codes((p) => ({ ...p, arising: [{ ...p.arising[0], on: 'resolved:panel-x' }] }))).toEqual(['check/unknown-stage arising/0/on']);
    const cannot = structuredClone(input);
    (cannot.stages[0] as { canResolve?: boolean }).canResolve = false;
    cannot.arising[0]!.on = 'resolved:stage-1';
    expect(codes(() => cannot)).toContain('check/impossible-condition arising/0/on');
    expect(codes((p) => ({ ...p, facts: [] }))).toContain('check/unknown-fact stages/0/obligations/3/if/fact');
    expect(codes((p) => ({ ...p, arising: [{ ...p.arising[0], owners: { each: ['nobody', 'chair'] } }] })).sort()).toEqual([
      'check/owner-or-owners arising/0/owners',
      'check/unknown-role arising/0/owners/each/0',
    ]);
    expect(checkProtocol(protocol)).toEqual([]);
  });
  it('draws the new constructs on the page and the flowchart', () => {
    const page = renderMarkdown(protocol);
    expect(page).toContain('each of: Practitioner; Head of service');
    expect(page).toContain('when the case is resolved');
    expect(page).toContain('(may: never overdue)');
    expect(renderMermaid(protocol)).toContain('skip if #quot;Step-down agreed#quot;');
  });
  it('names a change of modality or of an arising duty in words', () => {
    const after = parseProtocolOrThrow({
      ...input,
      arising: [{ ...input.arising[0]!, due: { within: '5wd' } }, input.arising[1]!],
      scope: { ...input.scope, preconditions: [{ ...input.scope.preconditions[0]!, modality: 'must' as const }] },
    });
    const summaries = diffProtocols(protocol, after).map((c) => c.summary);
    expect(summaries).toEqual([
      'Precondition "cp-dissent-exhausted": must or should changed from "should" to "must"',
      expect.stringMatching(
        /^The duty "confirm-outcome" that arises from what happens changed from ".*2 working days of that event" to ".*5 working days of that event"$/,
      ),
    ]);
  });
});
