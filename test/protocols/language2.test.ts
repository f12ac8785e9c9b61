// The bundled protocols' #12 re-encoding, where a scenario file cannot say it: a status's warnings,
// and an arising duty's absence before the event it arises from (review findings S1 and K3).
import { describe, expect, it } from 'vitest';
import { applyEvent, bundledRegistry, type Case, getProtocol, openCase, status, worklist } from '../../src/index.js';

describe('Swindon: "the dissent process ... should be exhausted" (S1)', () => {
  const swindon = getProtocol('swindon');
  const opening = {
    at: '2027-03-01T09:00',
    subject: 'child',
    raisingAgency: 'School',
    receivingAgency: 'CSC',
    flags: ['conference-decision'],
  } as const;

  it('opens a conference-decision case that does not confirm the precondition, with a warning', () => {
    const opened = openCase(swindon, opening);
    if (!opened.success) return expect.unreachable(opened.refusal.message);
    const s = status(swindon, opened.case, '2027-03-01T10:00');
    if (!s.success) return expect.unreachable(s.refusal.message);
    expect(s.status.warnings?.map((w) => w.code)).toEqual(['engine/precondition-advised']);
  });

  it('gives no warning once the precondition is confirmed', () => {
    const opened = openCase(swindon, { ...opening, preconditionsMet: ['cp-conference-dissent-exhausted'] });
    if (!opened.success) return expect.unreachable(opened.refusal.message);
    const s = status(swindon, opened.case, '2027-03-01T10:00');
    if (!s.success) return expect.unreachable(s.refusal.message);
    expect(s.status.warnings ?? []).toEqual([]);
  });
});

describe('Croydon: "written communication about agreed outcomes" arises on resolution (K3)', () => {
  const croydon = getProtocol('croydon');
  it('is not owed before the resolution, and is owed from it by both parties together', () => {
    const opened = openCase(croydon, { at: '2027-03-01T09:00', subject: 'child', raisingAgency: 'School', receivingAgency: 'CSC' });
    if (!opened.success) return expect.unreachable(opened.refusal.message);
    const before = status(croydon, opened.case, '2027-03-02T09:00');
    if (!before.success) return expect.unreachable(before.refusal.message);
    expect(before.status.obligations.map((o) => o.id).filter((id) => id.startsWith('outcome-communication'))).toEqual([]);
    expect(before.status.missingRecords.map((m) => m.record)).not.toContain('written-outcome-communication');
    const resolved = applyEvent(
      croydon,
      opened.case,
      { type: 'resolved', at: '2027-03-02T10:00', outcome: 'Agreed' },
      { now: '2027-03-02T10:00' },
    );
    if (!resolved.success) return expect.unreachable(resolved.refusal.message);
    const after = status(croydon, resolved.case, '2027-03-02T11:00');
    if (!after.success) return expect.unreachable(after.refusal.message);
    const owed = after.status.obligations.filter((o) => o.id.startsWith('outcome-communication'));
    expect(owed.map((o) => [o.id, o.state])).toEqual([['outcome-communication-stage-1', 'noDeadline']]);
  });
});

describe('Swindon: "Any action agreed should be fed back immediately" arises on resolution at stages 3-5', () => {
  const swindon = getProtocol('swindon');
  const opening = { at: '2027-03-01T09:00', subject: 'child', raisingAgency: 'School', receivingAgency: 'CSC' } as const;
  const atStage3 = () => {
    let k = openCase(swindon, opening);
    for (const [at, to] of [
      ['2027-03-02T09:00', 'stage-2'],
      ['2027-03-03T09:00', 'stage-3'],
    ] as const) {
      if (!k.success) return expect.unreachable(k.refusal.message);
      k = applyEvent(swindon, k.case, { type: 'escalated', at, to }, { now: at });
    }
    if (!k.success) return expect.unreachable(k.refusal.message);
    return k.case;
  };
  const feedback = (kase: Case, now: string) => {
    const s = status(swindon, kase, now);
    if (!s.success) return expect.unreachable(s.refusal.message);
    return s.status.obligations.filter((o) => o.id.endsWith('-feedback'));
  };
  const resolve = (kase: Case, at: string) => {
    const r = applyEvent(swindon, kase, { type: 'resolved', at, outcome: 'Agreed' }, { now: at });
    if (!r.success) return expect.unreachable(r.refusal.message);
    return r.case;
  };

  it('is absent before the resolution, however long the stage runs', () => {
    expect(feedback(atStage3(), '2027-03-20T09:00')).toEqual([]);
  });

  it('after resolution at stage 3 is owed, due at the resolution, due now that afternoon and overdue the next working day', () => {
    const resolved = resolve(atStage3(), '2027-03-04T11:00');
    const afternoon = feedback(resolved, '2027-03-04T16:00');
    expect(afternoon.map((o) => [o.id, o.state, o.due?.at, o.arising?.on])).toEqual([
      ['stage-3-feedback', 'dueNow', '2027-03-04T11:00:00+00:00', 'resolved:stage-3'],
    ]);
    expect(feedback(resolved, '2027-03-05T09:00').map((o) => o.state)).toEqual(['overdue']);
  });

  it('is met by a fulfilled event within the grace', () => {
    const resolved = resolve(atStage3(), '2027-03-04T11:00');
    const done = applyEvent(
      swindon,
      resolved,
      { type: 'fulfilled', at: '2027-03-04T14:00', obligation: 'stage-3-feedback' },
      { now: '2027-03-04T14:00' },
    );
    if (!done.success) return expect.unreachable(done.refusal.message);
    expect(feedback(done.case, '2027-03-08T09:00').map((o) => [o.id, o.state])).toEqual([['stage-3-feedback', 'met']]);
  });
});

describe('Oxfordshire: "written confirmation between the parties in relation to the agreed outcome" arises on resolution (K3)', () => {
  const oxfordshire = getProtocol('oxfordshire');
  it("is not owed before the resolution, and is owed from it by the step's two parties together", () => {
    const opened = openCase(oxfordshire, { at: '2027-03-01T09:00', subject: 'child', raisingAgency: 'School', receivingAgency: 'CSC' });
    if (!opened.success) return expect.unreachable(opened.refusal.message);
    const confirmation = (kase: Case, now: string) => {
      const s = status(oxfordshire, kase, now);
      if (!s.success) return expect.unreachable(s.refusal.message);
      return s.status.obligations.filter((o) => o.id.startsWith('agreed-outcome-confirmation'));
    };
    expect(confirmation(opened.case, '2027-03-10T09:00')).toEqual([]);
    const resolved = applyEvent(
      oxfordshire,
      opened.case,
      { type: 'resolved', at: '2027-03-02T10:00', outcome: 'Agreed' },
      { now: '2027-03-02T10:00' },
    );
    if (!resolved.success) return expect.unreachable(resolved.refusal.message);
    expect(confirmation(resolved.case, '2027-03-02T11:00').map((o) => [o.id, o.state, o.together?.map((r) => r.id)])).toEqual([
      ['agreed-outcome-confirmation-step-1', 'noDeadline', ['practitioner-raising', 'practitioner-receiving']],
    ]);
  });
});

describe('Oxfordshire: the section 5 daily duty recurs ("on a daily basis ... until stable arrangements are put in place")', () => {
  const oxfordshire = getProtocol('oxfordshire');
  const events = (): Case => {
    const opened = openCase(oxfordshire, { at: '2027-03-01T09:00', subject: 'child', raisingAgency: 'Hospital', receivingAgency: 'CSC' });
    if (!opened.success) return expect.unreachable(opened.refusal.message);
    let k = opened.case;
    for (const e of [
      { type: 'bypassed', at: '2027-03-01T09:30', rule: 'emergency-daily-problem-solving' },
      { type: 'fulfilled', at: '2027-03-01T11:00', obligation: 'emergency-daily-problem-solving' },
      { type: 'fulfilled', at: '2027-03-02T10:00', obligation: 'emergency-problem-solving' },
    ] as const) {
      const r = applyEvent(oxfordshire, k, e, { now: e.at });
      if (!r.success) return expect.unreachable(r.refusal.message);
      k = r.case;
    }
    return k;
  };

  it('after the bypass, day 1 met and day 2 missed: overdue in status and in the worklist', () => {
    const kase = events();
    const s = status(oxfordshire, kase, '2027-03-04T09:00');
    if (!s.success) return expect.unreachable(s.refusal.message);
    const daily = s.status.obligations.find((o) => o.id === 'emergency-problem-solving');
    expect(daily).toMatchObject({ state: 'overdue', due: { date: '2027-03-03' }, repeat: { met: 1, missed: 1, ended: false } });
    const w = worklist([kase], '2027-03-04T09:00', { registry: bundledRegistry() });
    if (!w.success) return expect.unreachable(w.refusal.message);
    expect(w.items.filter((i) => i.obligation === 'emergency-problem-solving').map((i) => [i.state, i.due.date])).toEqual([
      ['overdue', '2027-03-03'],
    ]);
  });

  it('keeps recurring after Step 1 ends, and stops when stable arrangements are recorded', () => {
    const escalated = applyEvent(
      oxfordshire,
      events(),
      { type: 'escalated', at: '2027-03-02T12:00', to: 'step-2' },
      { now: '2027-03-02T12:00' },
    );
    if (!escalated.success) return expect.unreachable(escalated.refusal.message);
    const later = status(oxfordshire, escalated.case, '2027-03-04T09:00');
    if (!later.success) return expect.unreachable(later.refusal.message);
    expect(later.status.obligations.find((o) => o.id === 'emergency-problem-solving')?.state).toBe('overdue');
    const stable = applyEvent(
      oxfordshire,
      escalated.case,
      { type: 'recorded', at: '2027-03-04T16:00', record: 'stable-arrangements' },
      { now: '2027-03-04T16:00' },
    );
    if (!stable.success) return expect.unreachable(stable.refusal.message);
    const after = status(oxfordshire, stable.case, '2027-03-20T09:00');
    if (!after.success) return expect.unreachable(after.refusal.message);
    expect(after.status.obligations.find((o) => o.id === 'emergency-problem-solving')).toMatchObject({
      state: 'metLate',
      repeat: { ended: true, missed: 1 },
    });
  });
});

describe("Rotherham and Oxfordshire: who holds the first discussion, and the CP challenge's trigger (R1, O3, C3)", () => {
  const opening = { at: '2027-03-01T09:00', subject: 'child', raisingAgency: 'School', receivingAgency: 'CSC' } as const;
  const statusOf = (id: 'rotherham' | 'oxfordshire' | 'rotherham-cp-challenge', facts?: Record<string, boolean>) => {
    const p = getProtocol(id);
    const opened = openCase(p, facts ? { ...opening, facts } : opening);
    if (!opened.success) return expect.unreachable(opened.refusal.message);
    const s = status(p, opened.case, '2027-03-01T10:00');
    if (!s.success) return expect.unreachable(s.refusal.message);
    return s.status;
  };
  it('Rotherham: "in any combination" adds the Line Manager or named safeguarding lead to Stage 1 (R1)', () => {
    expect(statusOf('rotherham').stage?.owners.map((o) => o.id)).toEqual(['professional', 'colleague']);
    expect(statusOf('rotherham', { 'initial-discussion-in-any-combination': true }).stage?.owners.map((o) => o.id)).toEqual([
      'professional',
      'colleague',
      'line-manager',
    ]);
  });
  it("Oxfordshire: the practitioners' attempt is not owed when the child is at immediate or significant risk (O3)", () => {
    const ids = (facts?: Record<string, boolean>) => statusOf('oxfordshire', facts).obligations.map((o) => o.id);
    expect(ids()).toContain('s1-attempt-resolution');
    expect(ids({ 'immediate-risk': true })).not.toContain('s1-attempt-resolution');
  });
  it('Rotherham CP: a challenge opened without confirming the expected requirements were not met warns (C3)', () => {
    expect(statusOf('rotherham-cp-challenge').warnings?.map((w) => w.code)).toEqual(['engine/precondition-advised']);
  });
});
