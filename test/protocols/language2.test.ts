// The bundled protocols' #12 re-encoding, where a scenario file cannot say it: a status's warnings,
// and an arising duty's absence before the event it arises from (review findings S1 and K3).
import { describe, expect, it } from 'vitest';
import { applyEvent, getProtocol, openCase, status } from '../../src/index.js';

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
