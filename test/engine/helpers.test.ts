// Issue #11: what an integrator had to write that the library now has.
import { describe, expect, it } from 'vitest';
import {
  REFUSAL_CATEGORIES,
  REFUSAL_CODES,
  applyEvent,
  bundledRegistry,
  getProtocol,
  nextChange,
  phaseOf,
  status,
  worklist,
  type Case,
  type CaseEvent,
} from '../../src/index.js';
import { buildCase } from './_fixture.js';

const swindon = getProtocol('swindon');
const opening = {
  type: 'opened',
  at: '2026-12-21T10:00',
  subject: 'child',
  raisingAgency: 'School',
  receivingAgency: "Children's Social Care",
} as const;

const build = (events: CaseEvent[], protocol = swindon): Case => buildCase(protocol, events);

describe('worklist', () => {
  const registry = bundledRegistry();
  // Stage 1 (2 working days from the disagreement, 21 Dec) is due Wed 23 Dec.
  const late = build([opening]);
  const fine = build([{ ...opening, at: '2027-01-04T10:00' }]);
  const done = build([opening, { type: 'withdrawn', at: '2026-12-22T10:00' }]);

  it('lists only what needs action, with owner, side, agency, due date and working days late', () => {
    const sweep = worklist([fine, late, done], '2026-12-29T09:00', { registry });
    if (!sweep.success) throw new Error(sweep.refusal.message);
    expect(sweep.refused).toEqual([{ caseIndex: 0, refusal: expect.objectContaining({ code: 'engine/before-opened' }) }]);
    expect(sweep.items).toEqual([
      {
        caseIndex: 1,
        protocol: { id: 'swindon', version: swindon.version },
        stage: 'stage-1',
        obligation: 'stage-1-discussion',
        rule: null,
        owner: expect.objectContaining({ id: 'raising-practitioner', side: 'raising' }),
        agency: 'School',
        state: 'overdue',
        due: { at: '2026-12-23T23:59:59.999+00:00', date: '2026-12-23' },
        // 24 Dec and 29 Dec are working days after the 23rd (25-28 Dec are the weekend and holidays).
        workingDaysLate: 2,
      },
    ]);
  });

  it('agrees with status for every item', () => {
    const sweep = worklist([late], '2026-12-23T09:00', { registry });
    const s = status(swindon, late, '2026-12-23T09:00');
    if (!sweep.success || !s.success) throw new Error('refused');
    expect(sweep.items.map((i) => [i.obligation, i.state])).toEqual(
      s.status.obligations.filter((o) => ['overdue', 'dueSoon', 'dueNow'].includes(o.state)).map((o) => [o.id, o.state]),
    );
  });

  it('reports a case of an unknown protocol version instead of throwing', () => {
    const stray: Case = { protocol: { id: 'swindon', version: 'nope' }, events: late.events };
    const sweep = worklist([stray], '2026-12-29T09:00', { registry });
    expect(sweep.success && sweep.refused[0]!.refusal.code).toBe('engine/unknown-protocol');
  });
});

describe('phaseOf: stage and phase from the log alone', () => {
  it('follows the case through its life', () => {
    expect(phaseOf(swindon, build([opening]))).toEqual({ success: true, phase: 'open', stage: 'stage-1' });
    const escalated = build([opening, { type: 'escalated', at: '2026-12-23T10:00' }]);
    expect(phaseOf(swindon, escalated)).toEqual({ success: true, phase: 'open', stage: 'stage-2' });
    const closed = build([...escalated.events, { type: 'withdrawn', at: '2026-12-24T10:00' }, { type: 'closed', at: '2026-12-24T11:00' }]);
    expect(phaseOf(swindon, closed)).toEqual({ success: true, phase: 'closed', stage: 'stage-2' });
  });
});

describe('side and agency on every obligation', () => {
  it("status names each owner's side and the agency on that side, and both agencies", () => {
    const s = status(swindon, build([opening]), '2026-12-21T12:00');
    if (!s.success) throw new Error(s.refusal.message);
    expect(s.status.agencies).toEqual({ raising: 'School', receiving: "Children's Social Care" });
    expect(s.status.obligations[0]).toMatchObject({ owner: { id: 'raising-practitioner', side: 'raising' }, agency: 'School' });
  });
});

describe('refusal categories', () => {
  it('every code has one of the five categories', () => {
    expect(Object.keys(REFUSAL_CATEGORIES).sort()).toEqual(Object.keys(REFUSAL_CODES).sort());
    for (const category of Object.values(REFUSAL_CATEGORIES))
      expect(['malformed', 'notAllowedNow', 'unknownReference', 'invalidLog', 'protocolMismatch']).toContain(category);
  });

  it('a refusal carries its category', () => {
    const result = applyEvent(swindon, build([opening]), { type: 'recorded', at: '2026-12-22T10:00', record: 'no-such-record' });
    expect(result).toMatchObject({ success: false, refusal: { code: 'engine/unknown-record', category: 'unknownReference' } });
  });
});

describe('nextChange', () => {
  const kase = build([opening]);

  it('is the start of the day the stage-1 discussion becomes due soon, then the moment it is overdue', () => {
    // Due Wed 23 Dec 2026; due soon (1 working day ahead) from Tue 22 Dec.
    expect(nextChange(swindon, kase, '2026-12-21T12:00')).toEqual({ success: true, at: '2026-12-22T00:00:00+00:00' });
    expect(nextChange(swindon, kase, '2026-12-22T08:00')).toEqual({ success: true, at: '2026-12-24T00:00:00+00:00' });
    const before = status(swindon, kase, '2026-12-23T23:59:59.999');
    const after = status(swindon, kase, '2026-12-24T00:00');
    expect(before.success && before.status.obligations[0]!.state).toBe('dueSoon');
    expect(after.success && after.status.obligations[0]!.state).toBe('overdue');
  });

  it('is null when nothing will change without a new event', () => {
    const withdrawn = build([opening, { type: 'withdrawn', at: '2026-12-21T11:00' }]);
    expect(nextChange(swindon, withdrawn, '2026-12-21T12:00')).toEqual({ success: true, at: null });
  });
});
