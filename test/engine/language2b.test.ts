// #12 part B: urgency with a working assumption, repeating duties, aims and "at", path conditions,
// scope exclusions and unstated sides, attendance. Each on a small protocol built for it.
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  lintProtocol,
  plan,
  parseProtocol,
  status,
  timescaleInWords,
  type Case,
  type Protocol,
  type ProtocolInput,
} from '../../src/index.js';
import { repeatWork } from '../../src/engine/_repeat.js';
import type { Timescale } from '../../src/index.js';

const base = (stages: unknown[], extra: Record<string, unknown> = {}): ProtocolInput =>
  ({
    id: 'l2b',
    title: 'Language 2 part B',
    partnership: 'Test',
    version: '1',
    effectiveFrom: '2024-01-01',
    source: { title: 'T', publisher: 'T' },
    scope: { subjects: ['child'] },
    roles: [
      { id: 'worker', title: 'Worker', side: 'raising' },
      { id: 'chair', title: 'Chair', side: 'independent' },
      { id: 'lead', title: 'Designated lead', side: 'unstated' },
    ],
    records: [{ id: 'meeting', title: 'Panel meeting', kind: 'meeting', attendance: { otherAgencies: 2, independentChair: true } }],
    stages,
    ...extra,
  }) as ProtocolInput;

const parse = (input: ProtocolInput): Protocol => {
  const r = parseProtocol(input);
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.protocol;
};
const opened = { type: 'opened', at: '2026-12-21T09:00', subject: 'child', raisingAgency: 'School', receivingAgency: 'Council' } as const;
const kase = (p: Protocol, events: unknown[]): Case => ({
  protocol: { id: p.id, version: p.version },
  events: [opened, ...events] as Case['events'],
});
const get = (p: Protocol, k: Case, now: string) => {
  const r = status(p, k, now);
  if (!r.success) throw new Error(r.refusal.message);
  return r.status;
};
const stage = (id: string, obligations: unknown[] = [], more: Record<string, unknown> = {}) => ({
  id,
  title: id,
  owners: ['worker'],
  obligations,
  ...more,
});

describe('#2 urgency in words with a working assumption', () => {
  const p = parse(
    base([stage('s1', [{ id: 'refer', action: 'Refer urgently', owner: 'worker', due: { none: 'urgently', assume: { within: '1wd' } } }])]),
  );
  it("is due by the assumption, overdue after it, and marked as the partnership's, keeping the words", () => {
    const o = get(p, kase(p, []), '2026-12-23T09:00').obligations[0]!;
    expect(o).toMatchObject({ due: { date: '2026-12-22' }, state: 'overdue', assumed: true, words: 'urgently' });
  });
  it('without an assumption stays as before: no deadline', () => {
    const q = parse(base([stage('s1', [{ id: 'refer', action: 'Refer', owner: 'worker', due: { none: 'urgently' } }])]));
    expect(get(q, kase(q, []), '2027-03-01T09:00').obligations[0]).toMatchObject({ state: 'noDeadline', assumed: false, due: null });
  });
  it("words say it is the partnership's assumption, not the document's number", () => {
    expect(timescaleInWords(p.stages[0]!.obligations[0]!.due as Timescale, p)).toContain(
      "the partnership's working assumption: within 1 working day",
    );
  });
  it('lint does not hold the quote against the assumption', () => {
    const q = parse(
      base([
        stage('s1', [
          {
            id: 'refer',
            action: 'Refer',
            owner: 'worker',
            due: { none: 'urgently', assume: { within: '1wd' }, source: { quote: 'refer urgently' } },
          },
        ]),
      ]),
    );
    expect(lintProtocol(q).map((i) => i.code)).toContain('lint/no-numeric-timescale');
  });
});

describe('#7 repeating duties', () => {
  const p = parse(
    base([stage('s1', [{ id: 'daily', action: 'Review daily', owner: 'worker', due: { within: '1d' }, every: '1d' }]), stage('s2')]),
  );
  it('each occurrence is tracked: a missed day makes it overdue, a fulfilment moves it on', () => {
    const k = kase(p, [{ type: 'fulfilled', at: '2026-12-22T08:00', obligation: 'daily' }]);
    const o = get(p, k, '2026-12-24T10:00').obligations[0]!;
    expect(o.state).toBe('overdue');
    expect(o.repeat).toMatchObject({ every: '1d', occurrences: 2, met: 1, missed: 1, ended: false });
    const k2 = kase(p, [
      { type: 'fulfilled', at: '2026-12-22T08:00', obligation: 'daily' },
      { type: 'fulfilled', at: '2026-12-23T08:00', obligation: 'daily' },
    ]);
    const o2 = get(p, k2, '2026-12-23T10:00').obligations[0]!;
    expect(o2.state).not.toBe('overdue');
    expect(o2.due?.date).toBe('2026-12-24');
  });
  it('stops when the stage ends, and counts what was missed', () => {
    const k = kase(p, [{ type: 'escalated', at: '2026-12-24T09:30' }]);
    expect(get(p, k, '2027-01-05T10:00').obligations[0]).toMatchObject({ state: 'metLate', repeat: { missed: 2, ended: true } });
  });
  it('a case open for three years is one entry, and the work is one step per day', () => {
    const s = get(p, kase(p, []), '2029-12-21T10:00');
    expect(s.obligations).toHaveLength(1);
    // A calendar day falls due at the end of the next day: 22 Dec 2026 to 20 Dec 2029 is 1,095 days.
    expect(s.obligations[0]!.repeat!.occurrences).toBe(1095);
    expect(repeatWork.steps).toBeLessThanOrEqual(1096);
  });
  it('"every" must be an amount', () => {
    const r = parseProtocol(base([stage('s1', [{ id: 'd', action: 'x', owner: 'worker', due: { within: '1d' }, every: 'immediately' }])]));
    expect(r.success ? [] : r.issues.map((i) => i.code)).toContain('check/repeat-every');
  });
});

describe('#7 repeating duties that arise from a bypass', () => {
  const p = parse(
    base([stage('s1'), stage('s2')], {
      records: [{ id: 'stable', title: 'Stable arrangements in place', kind: 'note' }],
      bypass: [
        {
          id: 'emergency',
          trigger: 'An emergency',
          action: 'Note it',
          owner: 'worker',
          due: { none: 'at once' },
          effect: { type: 'addObligation' },
        },
      ],
      arising: [
        {
          id: 'daily',
          on: 'bypassed:emergency',
          action: 'Problem-solve',
          owner: 'worker',
          due: { within: '1d' },
          every: '1d',
          until: 'record:stable',
        },
      ],
    }),
  );
  const daily = (k: Case, now: string) => get(p, k, now).obligations.find((o) => o.id === 'daily');
  const bypassed = { type: 'bypassed', at: '2026-12-21T10:00', rule: 'emergency' };
  it('is absent until the bypass, then recurs from it: a missed day is overdue, a fulfilment moves it on', () => {
    expect(daily(kase(p, []), '2026-12-23T10:00')).toBeUndefined();
    const k = kase(p, [bypassed, { type: 'fulfilled', at: '2026-12-22T08:00', obligation: 'daily' }]);
    expect(daily(k, '2026-12-22T10:00')).toMatchObject({
      state: 'dueSoon',
      due: { date: '2026-12-23' },
      arising: { on: 'bypassed:emergency' },
    });
    expect(daily(k, '2026-12-24T10:00')).toMatchObject({
      state: 'overdue',
      due: { date: '2026-12-23' },
      repeat: { occurrences: 2, met: 1, missed: 1 },
    });
  });
  it('does not stop when the stage ends, nor on resolution', () => {
    const k = kase(p, [
      bypassed,
      { type: 'escalated', at: '2026-12-21T11:00' },
      { type: 'resolved', at: '2026-12-22T09:00', outcome: 'Agreed' },
    ]);
    expect(daily(k, '2026-12-29T10:00')).toMatchObject({ state: 'overdue', repeat: { ended: false, missed: 7 } });
  });
  it('stops at its "until", and at a withdrawal', () => {
    const until = kase(p, [bypassed, { type: 'recorded', at: '2026-12-22T09:00', record: 'stable' }]);
    expect(daily(until, '2026-12-29T10:00')).toMatchObject({ state: 'met', repeat: { ended: true, occurrences: 0 } });
    const withdrawn = kase(p, [bypassed, { type: 'withdrawn', at: '2026-12-23T09:00', reason: 'Agreed informally' }]);
    expect(daily(withdrawn, '2026-12-29T10:00')).toMatchObject({ state: 'metLate', repeat: { ended: true, missed: 1 } });
  });
  it('"every" on an arising duty must be an amount, and "until" a known anchor', () => {
    const bad = structuredClone(base([stage('s1')])) as Record<string, unknown>;
    bad.bypass = [{ id: 'e', trigger: 't', action: 'a', owner: 'worker', due: { none: 'x' }, effect: { type: 'addObligation' } }];
    bad.arising = [
      { id: 'd', on: 'bypassed:e', action: 'x', owner: 'worker', due: { within: '1d' }, every: 'immediately', until: 'record:nothing' },
    ];
    const r = parseProtocol(bad as ProtocolInput);
    expect(r.success ? [] : r.issues.map((i) => [i.code, i.path.join('.')])).toEqual(
      expect.arrayContaining([
        ['check/repeat-every', 'arising.0.every'],
        ['check/unknown-record', 'arising.0.until'],
      ]),
    );
  });
});

describe('#8 an aim alone, and "at" rather than "by"', () => {
  const p = parse(
    base([
      stage('s1', [
        { id: 'aim', action: 'Aim to resolve', owner: 'worker', due: { target: { within: '2wd' } } },
        { id: 'check', action: 'Check the file', owner: 'worker', due: { at: '1w', from: 'caseOpened' } },
      ]),
    ]),
  );
  it('an aim is never overdue: its target is missed', () => {
    const o = get(p, kase(p, []), '2027-01-20T09:00').obligations[0]!;
    expect(o).toMatchObject({ state: 'noDeadline', due: null, target: { date: '2026-12-23' }, targetMissed: true });
  });
  it('"at" is not due before its moment, and done early is marked early', () => {
    const before = get(p, kase(p, []), '2026-12-22T09:00').obligations[1]!;
    expect(before).toMatchObject({ notBefore: true, due: { date: '2026-12-28' } });
    // Days before its moment it is pending, not due now: "at" is not "by".
    expect(before.state).toBe('pending');
    // On its day it is due now, and done that day it is on time, not early.
    expect(get(p, kase(p, []), '2026-12-28T09:00').obligations[1]!.state).toBe('dueNow');
    const onTheDay = get(p, kase(p, [{ type: 'fulfilled', at: '2026-12-28T09:00', obligation: 'check' }]), '2026-12-28T10:00')
      .obligations[1]!;
    expect(onTheDay).toMatchObject({ state: 'met', early: false });
    const early = get(p, kase(p, [{ type: 'fulfilled', at: '2026-12-22T10:00', obligation: 'check' }]), '2026-12-22T11:00').obligations[1]!;
    expect(early.early).toBe(true);
  });
  it('words say "at ... not before" and "a target only"', () => {
    expect(timescaleInWords(p.stages[0]!.obligations[1]!.due as Timescale, p)).toBe('at 1 week after the case being opened, not before');
    expect(timescaleInWords(p.stages[0]!.obligations[0]!.due as Timescale, p)).toContain('a target only');
  });
});

describe('#9 path conditions on entry', () => {
  const p = parse(
    base([
      stage('s1', [], { skips: [{ to: 's3' }] }),
      stage('s2'),
      stage('s3', [], { entry: {} }),
      stage('s4', [], { onlyAfter: { stages: ['s1', 's2', 's3'] } }),
    ]),
  );
  it('a case opened at stage 3 cannot escalate to stage 4, and the refusal names what is missing', () => {
    const k: Case = { protocol: { id: p.id, version: p.version }, events: [{ ...opened, stage: 's3' }] };
    const r = applyEvent(p, k, { type: 'escalated', at: '2026-12-22T09:00' });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.refusal.code).toBe('engine/path-not-taken');
      expect(r.refusal.message).toContain('"s1", "s2"');
    }
  });
  it("status's allowed moves offer only a stage the path lets the case enter", () => {
    const k: Case = { protocol: { id: p.id, version: p.version }, events: [{ ...opened, stage: 's3' }] };
    const s = status(p, k, '2026-12-22T09:00');
    expect(s.success && s.status.allowed.filter((m) => m.type === 'escalated')).toEqual([]);
    let full = kase(p, []);
    for (const at of ['2026-12-22T09:00', '2026-12-23T09:00']) {
      const r = applyEvent(p, full, { type: 'escalated', at });
      if (r.success) full = r.case;
    }
    const t = status(p, full, '2026-12-23T12:00');
    expect(t.success && t.status.allowed.filter((m) => m.type === 'escalated')).toEqual([{ type: 'escalated', to: 's4', skip: false }]);
  });
  it('a skip over stage 2 does not count as visiting it', () => {
    const k = kase(p, [{ type: 'escalated', at: '2026-12-22T09:00', to: 's3' }]);
    const r = applyEvent(p, k, { type: 'escalated', at: '2026-12-23T09:00' });
    expect(r.success ? null : r.refusal.code).toBe('engine/path-not-taken');
  });
  it('the full path is allowed', () => {
    let k = kase(p, []);
    for (const at of ['2026-12-22T09:00', '2026-12-23T09:00', '2026-12-24T09:00']) {
      const r = applyEvent(p, k, { type: 'escalated', at });
      expect(r.success).toBe(true);
      if (r.success) k = r.case;
    }
  });
  it('an impossible order is an error with its path', () => {
    const r = parseProtocol(base([stage('s1'), stage('s2', [], { onlyAfter: { stages: ['s2'] } })]));
    expect(r.success ? undefined : r.issues.find((i) => i.code === 'check/path-order')?.path).toEqual([
      'stages',
      1,
      'onlyAfter',
      'stages',
      0,
    ]);
  });
});

describe('#10 scope exclusions and unstated sides', () => {
  const p = parse(
    base([stage('s1', [{ id: 'talk', action: 'Talk', owner: 'lead', due: { within: '1wd' } }], { owners: ['lead'] })], {
      scope: { subjects: ['child'], excludes: [{ id: 'complaints', description: 'This does not replace the complaints process.' }] },
    }),
  );
  it('a role whose side the document does not state is routed to no agency', () => {
    const o = get(p, kase(p, []), '2026-12-21T10:00').obligations[0]!;
    expect(o.owner.side).toBe('unstated');
    expect(o.agency).toBeNull();
  });
  it('exclusions parse and are kept', () => expect(p.scope.excludes?.[0]?.id).toBe('complaints'));
});

describe('#11 who must attend', () => {
  const p = parse(base([stage('s1')]));
  it('a meeting recorded without enough other agencies or an independent chair is reported, never refused', () => {
    const k = kase(p, [
      { type: 'recorded', at: '2026-12-22T09:00', record: 'meeting', attendees: [{ agency: 'School' }, { agency: 'Police', chair: true }] },
    ]);
    const s = get(p, k, '2026-12-22T10:00');
    expect(s.attendance).toHaveLength(1);
    expect(s.attendance[0]!.unmet).toHaveLength(2);
  });
  it('a meeting that meets it is not reported', () => {
    const k = kase(p, [
      {
        type: 'recorded',
        at: '2026-12-22T09:00',
        record: 'meeting',
        attendees: [{ agency: 'Police' }, { agency: 'Health' }, { name: 'Independent chair', chair: true, independent: true }],
      },
    ]);
    expect(get(p, k, '2026-12-22T10:00').attendance).toEqual([]);
  });
  it('a meeting recorded without attendees says attendance cannot be checked', () => {
    const k = kase(p, [{ type: 'recorded', at: '2026-12-22T09:00', record: 'meeting' }]);
    expect(get(p, k, '2026-12-22T10:00').attendance[0]!.unmet[0]).toContain('attendees not recorded');
  });
});

describe('#2 in plan', () => {
  it("a plan gives the document's numbers only, never the working assumption", () => {
    const p = parse(
      base([
        stage('s1', [{ id: 'refer', action: 'Refer urgently', owner: 'worker', due: { none: 'urgently', assume: { within: '1wd' } } }]),
      ]),
    );
    expect(plan(p, { from: '2026-12-21' }).stages[0]!.dueDate).toBeNull();
  });
});
