// The bundled protocols' #12 re-encoding, where a scenario file cannot say it: a status's warnings,
// and an arising duty's absence before the event it arises from (review findings S1 and K3).
import { describe, expect, it } from 'vitest';
import { applyEvent, type Case, getProtocol, openCase, status } from '../../src/index.js';

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
