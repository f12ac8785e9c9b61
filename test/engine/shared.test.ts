// #15: what a status shares with every other status of its protocol (due dates at the end of a day,
// a stage's owners, the protocol pin, the moves other than "fulfilled", a required record's row while
// it is not made) is frozen, so no caller can change another case's answer through it; what is the
// case's own stays a fresh object per call.
import { describe, expect, it } from 'vitest';
import { addWorkingDays, createCalendar, getProtocol, status, type Case, type CaseEvent, type Protocol } from '../../src/index.js';
import { buildCase, fixture } from './_fixture.js';

const swindon = getProtocol('swindon');
const child = { subject: 'child', raisingAgency: 'School', receivingAgency: "Children's Social Care" } as const;
const opened = (at: string): Case => buildCase(swindon, [{ type: 'opened', at, ...child }]);
const statusOf = (kase: Case, now: string, options = {}) => {
  const result = status(swindon, kase, now, options);
  if (!result.success) throw new Error(result.refusal.message);
  return result.status;
};

describe('the parts of a status shared between cases', () => {
  // Two cases opened the same Monday owe stage 1 on the same day (2 working days).
  const a = statusOf(opened('2027-03-01T09:30'), '2027-03-02T09:00');
  const b = statusOf(opened('2027-03-01T15:00'), '2027-03-02T09:00');

  it('are the same frozen objects for two cases, and writing into them throws', () => {
    expect(a.obligations[0]!.due).toBe(b.obligations[0]!.due);
    expect(a.stage.owners).toBe(b.stage.owners);
    expect(a.protocol).toBe(b.protocol);
    expect(a.records[0]).toBe(b.records[0]);
    for (const shared of [a.obligations[0]!.due, a.stage.owners, a.protocol, a.records[0], a.allowed[0]])
      expect(Object.isFrozen(shared)).toBe(true);
    expect(() => {
      (a.obligations[0]!.due as { date: string }).date = '2027-12-25';
    }).toThrow(TypeError);
    expect(b.obligations[0]!.due).toEqual({ at: '2027-03-03T23:59:59.999+00:00', date: '2027-03-03' });
  });

  it("leave each case's own parts fresh: its obligations, history, lists and a record once made", () => {
    expect(a.obligations[0]).not.toBe(b.obligations[0]);
    expect(Object.isFrozen(a.obligations[0])).toBe(false);
    expect(a.history).not.toBe(b.history);
    expect(a.records).not.toBe(b.records);
    expect(a.allowed).not.toBe(b.allowed);
    const made = buildCase(swindon, [
      { type: 'opened', at: '2027-03-01T09:30', ...child },
      { type: 'recorded', at: '2027-03-01T11:00', record: 'discussion-record' },
    ]);
    const row = statusOf(made, '2027-03-02T09:00').records.find((r) => r.record === 'discussion-record')!;
    expect(row).toEqual({
      stage: 'stage-1',
      record: 'discussion-record',
      title: expect.any(String),
      made: true,
      at: '2027-03-01T11:00:00+00:00',
      noChildOrFamilyDetails: false,
    });
    expect(Object.isFrozen(row)).toBe(false);
    // The unmade row of the same record, shared by every other case, is untouched.
    expect(a.records.find((r) => r.record === 'discussion-record')).toMatchObject({ made: false, at: null });
  });

  it("leave each case's list of allowed moves its own: emptying one changes no other case's", () => {
    // allowedMoves: "The array is the caller's"; the moves in it are shared, the list is not (#15).
    const first = statusOf(opened('2027-03-01T09:30'), '2027-03-02T09:00');
    const listed = first.allowed.map((m) => m.type);
    expect(listed).toEqual(['escalated', 'recorded', 'fulfilled', 'bypassed', 'resolved', 'withdrawn']);
    (first.allowed as unknown[]).splice(0, first.allowed.length, 'changed');
    const again = statusOf(opened('2027-03-01T15:00'), '2027-03-02T09:00');
    expect(again.allowed.map((m) => m.type)).toEqual(listed);
    expect(again.allowed.find((m) => m.type === 'fulfilled')).toEqual({ type: 'fulfilled', obligations: ['stage-1-discussion'] });
  });

  it('are kept per calendar: a closure moves the due date, and the shared one is unchanged', () => {
    const closed = statusOf(opened('2027-03-01T09:30'), '2027-03-02T09:00', {
      calendar: createCalendar({ region: 'england-and-wales', closures: ['2027-03-03'] }),
    });
    expect(closed.obligations[0]!.due?.date).toBe('2027-03-04');
    expect(statusOf(opened('2027-03-01T09:30'), '2027-03-02T09:00').obligations[0]!.due?.date).toBe('2027-03-03');
  });
});

describe('the obligations a "fulfilled" move lists (#15: read from a list compile made when the case went stage by stage)', () => {
  const fulfilledOf = (protocol: Protocol, events: readonly CaseEvent[], now: string): readonly string[] => {
    const result = status(protocol, buildCase(protocol, events), now);
    if (!result.success) throw new Error(result.refusal.message);
    const move = result.status.allowed.find((m) => m.type === 'fulfilled');
    return move?.type === 'fulfilled' ? move.obligations : [];
  };
  const open = { type: 'opened', at: '2027-03-01T09:30', subject: 'child', raisingAgency: 'School', receivingAgency: 'CSC' } as const;

  it("are every stage entered so far, in order, in a list of the case's own", () => {
    const events = [open, { type: 'escalated', at: '2027-03-02T10:00' }, { type: 'escalated', at: '2027-03-03T10:00' }] as const;
    const listed = fulfilledOf(fixture, events, '2027-03-04T09:00');
    expect(listed).toEqual(['s1-discuss', 's2-discuss', 's3-contact']);
    (listed as string[]).splice(0, listed.length, 'changed');
    expect(fulfilledOf(fixture, events, '2027-03-04T09:00')).toEqual(['s1-discuss', 's2-discuss', 's3-contact']);
  });

  it('follow a skip: a stage jumped over makes none of its obligations exist', () => {
    const events = [
      open,
      { type: 'escalated', at: '2027-03-02T10:00' },
      { type: 'escalated', at: '2027-03-03T10:00' },
      { type: 'escalated', at: '2027-03-04T10:00', to: 'stage-5' },
    ] as const;
    expect(fulfilledOf(fixture, events, '2027-03-05T09:00')).toEqual(['s1-discuss', 's2-discuss', 's3-contact', 's5-refer-child']);
  });

  it('list an id two stages of a hand-built protocol share once, where it first came to exist', () => {
    // Not a protocol parseProtocol accepts (ids are unique there); the engine still lists it as a set would.
    const twice = structuredClone(fixture) as { stages: { obligations: { id: string }[] }[] };
    twice.stages[1]!.obligations[0]!.id = 's1-discuss';
    const events = [open, { type: 'escalated', at: '2027-03-02T10:00' }, { type: 'escalated', at: '2027-03-03T10:00' }] as const;
    expect(fulfilledOf(twice as unknown as Protocol, events, '2027-03-04T09:00')).toEqual(['s1-discuss', 's3-contact']);
  });
});

describe('a log folded as if nothing were voided, and again when a correction turns up (#15)', () => {
  const opening = { type: 'opened', at: '2026-01-05T09:00', ...child } as const;
  const pin = { id: swindon.id, version: swindon.version };

  it('a refused event that a later correction voids does not refuse the log', () => {
    const kase = {
      protocol: pin,
      events: [
        opening,
        { type: 'recorded', at: '2026-01-05T10:00', record: 'no-such-record' },
        { type: 'voided', at: '2026-01-05T11:00', event: 1, reason: 'wrong record type' },
      ],
    } as unknown as Case;
    const result = status(swindon, kase, '2026-01-06T09:00');
    expect(result.success).toBe(true);
    const unvoided = { ...kase, events: kase.events.slice(0, 2) };
    expect(status(swindon, unvoided, '2026-01-06T09:00')).toMatchObject({
      success: false,
      refusal: { code: 'engine/unknown-record', eventIndex: 1 },
    });
  });

  it('an event dated past "now" by mistake and voided before "now" does not end what the case has done', () => {
    const kase = {
      protocol: pin,
      events: [
        opening,
        { type: 'escalated', at: '2030-01-07T09:00' },
        { type: 'voided', at: '2026-01-06T09:00', event: 1, reason: 'wrong date' },
        { type: 'escalated', at: '2026-01-06T10:00' },
      ],
    } as unknown as Case;
    const result = status(swindon, kase, '2026-02-02T09:00');
    if (!result.success) throw new Error(result.refusal.message);
    // The correction and the escalation after it count: the case is at stage 2, not stage 1.
    expect(result.status.stage.id).toBe('stage-2');
  });
});

describe('anchors read once per name (#15)', () => {
  it('a named anchor with a suffix is not that anchor: it waits for the record it names, as before', () => {
    // parseProtocol refuses such a name, but a hand-built protocol reaches the engine unchecked.
    const p = structuredClone(swindon) as { stages: { obligations: { due: unknown }[] }[] };
    p.stages[0]!.obligations[0]!.due = { within: '5wd', from: 'stageEntered:x' };
    const built = p as unknown as typeof swindon;
    const kase = buildCase(built, [{ type: 'opened', at: '2026-01-05T09:00', ...child }]);
    const result = status(built, kase, '2026-01-20T09:00');
    if (!result.success) throw new Error(result.refusal.message);
    expect(result.status.obligations[0]).toMatchObject({ due: null, state: 'waiting', waitingFor: ['stageEntered:x'] });
  });
});

describe('stage duties read once per protocol (#15)', () => {
  type Built = { stages: { obligations: { due: unknown }[] }[] };
  const deepFreeze = <T>(value: T): T => {
    if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
      Object.freeze(value);
      for (const part of Object.values(value)) deepFreeze(part);
    }
    return value;
  };
  const withDue = (due: unknown, frozen: boolean): typeof swindon => {
    const p = structuredClone(swindon) as unknown as Built;
    p.stages[0]!.obligations[0]!.due = due;
    return (frozen ? deepFreeze(p) : p) as unknown as typeof swindon;
  };
  const first = (p: typeof swindon, kase: Case, now: string, options = {}) => {
    const result = status(p, kase, now, options);
    return result.success ? result.status.obligations[0] : result.refusal;
  };
  const kase = buildCase(swindon, [{ type: 'opened', at: '2026-01-05T09:00', ...child }]);

  it('judge a frozen hand-built timescale as an unfrozen one, odd anchors and durations included', () => {
    for (const due of [
      { within: '5wd', from: 'stageEntered:x' },
      { within: '5wd', from: 'completed:no-such-stage' },
      { within: '3d', from: 'caseOpened' },
      { within: 'immediately' },
      { within: '5 days', from: 'disagreement' },
      { within: '5wd', from: 5 },
      { within: '99999wd' },
    ]) {
      const frozen = first(withDue(due, true), kase, '2026-01-20T09:00');
      expect(frozen).toEqual(first(withDue(due, false), kase, '2026-01-20T09:00'));
    }
    // A duration that does not read refuses the case when it is judged, frozen or not.
    expect(first(withDue({ within: '5 days' }, true), kase, '2026-01-20T09:00')).toMatchObject({
      code: 'engine/invalid-case',
      message: expect.stringContaining('"5 days" is not a duration'),
    });
    expect(first(withDue({ within: '5wd', from: 'stageEntered:x' }, true), kase, '2026-01-20T09:00')).toMatchObject({
      state: 'waiting',
      waitingFor: ['stageEntered:x'],
    });
  });

  it('read a timescale that is not frozen afresh: one changed in place after a status counts in the next', () => {
    const p = withDue({ within: '2wd', from: 'caseOpened' }, false);
    expect(first(p, kase, '2026-01-06T09:00')).toMatchObject({ due: { date: '2026-01-07' } });
    ((p as unknown as Built).stages[0]!.obligations[0]!.due as { within: string }).within = '4wd';
    expect(first(p, kase, '2026-01-06T09:00')).toMatchObject({ due: { date: addWorkingDays('2026-01-05', 4) } });
  });

  it('give each calendar its own due dates, judged in turn', () => {
    // Scotland's summer bank holiday is the first Monday of August, England's the last (2 and 30 August 2027).
    const days = ['2027-07-30', '2027-08-27', '2026-03-05', '2028-12-23', '2027-08-20'];
    for (const calendar of ['scotland', 'england-and-wales', 'scotland', 'england-and-wales'] as const) {
      for (const day of days) {
        const opening = buildCase(swindon, [{ type: 'opened', at: `${day}T09:00`, ...child }]);
        const got = first(swindon, opening, `${day}T10:00`, { calendar });
        // stage-1's discussion is due 2 working days after the disagreement arose (the opening, here).
        expect(got).toMatchObject({ due: { date: addWorkingDays(day, 2, calendar) } });
      }
    }
  });
});
