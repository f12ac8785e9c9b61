import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  createCalendar,
  createRegistry,
  openCase,
  plan,
  protocolDigest,
  replay,
  status,
  type Case,
  type CaseEvent,
} from '../../src/index.js';
import { buildCase, fixture, fixtureV2 } from './_fixture.js';

const opened = { at: '2026-12-21T10:00', subject: 'child', raisingAgency: 'School', receivingAgency: "Children's Social Care" } as const;

const build = (events: CaseEvent[], protocol = fixture): Case => buildCase(protocol, events);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('a case stays on the version it was opened under', () => {
  const registry = createRegistry([fixture, fixtureV2]);

  it('keeps version 1 timescales after version 2 is registered', () => {
    // Version 2 shortens stage 1 to 1 working day; a case opened under version 1 keeps 2.
    const kase = build([{ type: 'opened', ...opened }]);
    const pinned = registry.get(kase.protocol.id, kase.protocol.version)!;
    const result = status(pinned, kase, '2026-12-21T12:00');
    expect(result.success && result.status.obligations[0]!.due?.date).toBe('2026-12-23');
    expect(registry.inForce('fixture', '2027-02-01')!.version).toBe('2');
  });

  it('refuses to evaluate a case against another version, saying which to use', () => {
    const kase = build([{ type: 'opened', ...opened }]);
    const result = status(fixtureV2, kase, '2026-12-21T12:00');
    expect(result).toMatchObject({ success: false, refusal: { code: 'engine/wrong-protocol' } });
    expect(!result.success && result.refusal.message).toMatch(/opened under "fixture" version "1"/);
  });

  it('a new case opened in 2027 takes version 2', () => {
    const v2 = registry.inForce('fixture', '2027-03-01')!;
    const result = openCase(v2, { ...opened, at: '2027-03-01T10:00' });
    expect(result.success && result.case.protocol).toEqual({ id: 'fixture', version: '2', digest: protocolDigest(v2) });
    if (!result.success) return;
    const s = status(v2, result.case, '2027-03-01T12:00');
    expect(s.success && s.status.obligations[0]!.due?.date).toBe('2027-03-02');
  });
});

describe('refusals say why and what is allowed instead', () => {
  it('names the allowed moves', () => {
    const kase = build([{ type: 'opened', ...opened }]);
    const result = applyEvent(fixture, kase, { type: 'escalated', at: '2026-12-22T10:00', to: 'stage-3' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.refusal).toMatchObject({ code: 'engine/skip-not-allowed', eventIndex: 1 });
    expect(result.refusal.message).toMatch(/escalate to "stage-2"/);
    expect(result.refusal.allowed).toContainEqual({ type: 'escalated', to: 'stage-2', skip: false });
  });

  it('refuses malformed events as data', () => {
    const kase = build([{ type: 'opened', ...opened }]);
    expect(applyEvent(fixture, kase, { type: 'recorded', at: 'yesterday', record: 'form' })).toMatchObject({
      success: false,
      refusal: { code: 'engine/invalid-event' },
    });
    expect(applyEvent(fixture, kase, { type: 'recorded', at: '2026-03-29T01:30', record: 'form' } as CaseEvent)).toMatchObject({
      success: false,
      refusal: { code: 'engine/invalid-event', message: expect.stringMatching(/clocks go forward/) },
    });
    expect(applyEvent(fixture, kase, { type: 'teleported', at: '2026-12-22T10:00' } as unknown as CaseEvent)).toMatchObject({
      success: false,
      refusal: { code: 'engine/invalid-event' },
    });
    expect(applyEvent(fixture, kase, { type: 'resolved', at: '2026-12-22T10:00' } as unknown as CaseEvent)).toMatchObject({
      success: false,
      refusal: { code: 'engine/invalid-event' },
    });
  });

  it('replay names the first bad event in a stored log', () => {
    const kase: Case = {
      protocol: { id: 'fixture', version: '1' },
      events: [
        { type: 'opened', ...opened },
        { type: 'escalated', at: '2026-12-22T10:00' },
        { type: 'escalated', at: '2026-12-21T10:00' },
      ],
    };
    expect(replay(fixture, kase)).toMatchObject({ success: false, refusal: { code: 'engine/time-went-backwards', eventIndex: 2 } });
  });
});

describe('calendars', () => {
  it('an integrator calendar with closures moves every due date', () => {
    const kase = build([{ type: 'opened', ...opened }]);
    const closures = createCalendar({ closures: [{ from: '2026-12-22', to: '2026-12-23' }] });
    const result = status(fixture, kase, '2026-12-21T12:00', { calendar: closures });
    expect(result.success && result.status.obligations[0]!.due?.date).toBe('2026-12-29');
  });

  it('plan takes a region', () => {
    // Scotland: 2 January 2027 is a Saturday, so its substitute is Monday 4 January.
    expect(plan(fixture, { from: '2026-12-21', calendar: 'scotland' }).stages[1]!.dueDate).toBe('2027-01-05');
  });
});

// Random event sequences: arbitrary types, stages, records and rules, at increasing or random times.
const stageIds = fixture.stages.map((s) => s.id).concat('nowhere');
const isoAt = (minutes: number) => new Date(Date.UTC(2026, 11, 21, 10) + minutes * 60_000).toISOString();
const event = fc.oneof(
  fc.record({ type: fc.constant('escalated'), to: fc.option(fc.constantFrom(...stageIds), { nil: undefined }) }),
  fc.record({ type: fc.constant('recorded'), record: fc.constantFrom('child-file', 'form', 'meeting', 'nothing') }),
  fc.record({ type: fc.constant('bypassed'), rule: fc.constantFrom('immediate-risk', 'jump', 'exit', 'none') }),
  fc.record({ type: fc.constant('fulfilled'), obligation: fc.constantFrom('s1-discuss', 'immediate-risk', 'bogus') }),
  fc.record({ type: fc.constant('resolved'), outcome: fc.constantFrom('agreed', '') }),
  fc.record({ type: fc.constantFrom('withdrawn', 'closed', 'opened', 'unknown') }),
);
const timeline = fc.array(fc.tuple(event, fc.integer({ min: -60, max: 6000 })), { maxLength: 12 });

describe('properties (fast-check)', () => {
  it('for random event sequences the engine accepts or refuses with a typed error, never throws', () => {
    fc.assert(
      fc.property(timeline, fc.integer({ min: 0, max: 30 }), (steps, nowDays) => {
        let kase: Case = build([{ type: 'opened', ...opened }]);
        let minutes = 0;
        for (const [e, delta] of steps) {
          minutes += delta;
          const result = applyEvent(fixture, kase, { ...e, at: isoAt(minutes) } as CaseEvent);
          if (result.success) kase = result.case;
          else expect(result.refusal.code).toMatch(/^engine\//);
        }
        const s = status(fixture, kase, isoAt(nowDays * 1440 + 10_000));
        expect(s.success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('deep-frozen inputs work and are never mutated; replaying gives the same status; a case round-trips through JSON', () => {
    fc.assert(
      fc.property(timeline, (steps) => {
        let kase: Case = deepFreeze(build([{ type: 'opened', ...opened }]));
        let minutes = 0;
        for (const [e, delta] of steps) {
          minutes += Math.abs(delta);
          const result = applyEvent(fixture, kase, deepFreeze({ ...e, at: isoAt(minutes) }) as CaseEvent);
          if (result.success) kase = deepFreeze(result.case);
        }
        const snapshot = JSON.stringify(kase);
        const first = status(fixture, kase, '2027-02-01T09:00');
        const again = status(fixture, JSON.parse(snapshot) as Case, '2027-02-01T09:00');
        expect(JSON.stringify(kase)).toBe(snapshot);
        expect(again).toEqual(first);
        expect(JSON.parse(JSON.stringify(first))).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });
});

describe('engine options and endings', () => {
  it("closures add to the protocol's own region rather than replacing it", () => {
    const kase = build([{ type: 'opened', ...opened }]);
    const closures = [{ from: '2026-12-22', to: '2026-12-23' }];
    const withClosures = status(fixture, kase, '2026-12-21T12:00', { closures });
    expect(withClosures.success && withClosures.status.obligations[0]!.due?.date).toBe('2026-12-29');
    const scotland = { ...fixture, scope: { ...fixture.scope, region: 'scotland' as const } };
    // Stage 1: 24 Dec, then 29 Dec (22-23 closed; 25 and 28 Dec holidays). Stage 2, five working days on:
    // 30, 31 Dec, then 5, 6, 7 Jan, because 1 Jan and Scotland's 2 January substitute (Monday 4 Jan) are
    // holidays. The closures did not drop Scotland's own days (England's calendar would give 6 Jan).
    const planned = plan(scotland, { from: '2026-12-21', closures });
    expect(planned.stages.slice(0, 2).map((s) => s.dueDate)).toEqual(['2026-12-29', '2027-01-07']);
  });

  it('resolving at a stage that cannot resolve is refused with its own code', () => {
    const stages = fixture.stages.map((s, i) => (i === 0 ? { ...s, canResolve: false } : s));
    const strict = { ...fixture, stages };
    const kase = build([{ type: 'opened', ...opened }], strict);
    expect(applyEvent(strict, kase, { type: 'resolved', at: '2026-12-21T11:00', outcome: 'x' })).toMatchObject({
      success: false,
      refusal: { code: 'engine/cannot-resolve-here', message: expect.stringMatching(/escalate to "stage-2"/) },
    });
  });

  it('a withdrawal cancels what was not done, paperwork included; bypass actions stay owed', () => {
    const kase = build([
      { type: 'opened', ...opened },
      { type: 'escalated', at: '2026-12-22T10:00' },
      { type: 'escalated', at: '2026-12-23T10:00' },
      { type: 'escalated', at: '2026-12-24T10:00', to: 'stage-5' },
      { type: 'bypassed', at: '2026-12-24T11:00', rule: 'immediate-risk' },
      { type: 'withdrawn', at: '2026-12-24T12:00' },
    ]);
    const result = status(fixture, kase, '2027-02-01T09:00');
    if (!result.success) return expect.unreachable();
    const state = (id: string) => result.status.obligations.find((o) => o.id === id)?.state;
    expect(state('s5-refer-child')).toBe('cancelled');
    expect(state('s1-discuss')).toBe('met');
    expect(state('immediate-risk')).toBe('overdue');
  });
});
