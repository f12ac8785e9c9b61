// Issue #18, engine part: bugs 4, 5 and 8, the plan finding, and the properties behind them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvent, getProtocol, plan, replay, status, TimeError, type Case, type CaseEvent } from '../../src/index.js';
import { buildCase } from './_fixture.js';

const rotherham = getProtocol('rotherham-cp-challenge');
const swindon = getProtocol('swindon');
const empty = (p: typeof swindon): Case => ({ protocol: { id: p.id, version: p.version }, events: [] });
const opening = { type: 'opened', at: '2026-12-21T10:00', subject: 'child', raisingAgency: 'School', receivingAgency: 'CSC' } as const;

const build = buildCase;

describe('bug 4: applyEvent refuses a falsy event instead of appending it', () => {
  it.each([null, undefined, 0, '', false])('%s', (event) => {
    const kase = build(swindon, [opening]);
    const result = applyEvent(swindon, kase, event as unknown as CaseEvent);
    expect(result).toMatchObject({ success: false, refusal: { code: 'engine/invalid-event', eventIndex: 1 } });
  });
});

describe('bug 5: closing a withdrawn case keeps its obligations cancelled', () => {
  it('Rotherham CP challenge: open, withdraw, close', () => {
    const withdrawn = build(rotherham, [opening, { type: 'withdrawn', at: '2026-12-22T10:00' }]);
    const closed = build(rotherham, [...withdrawn.events, { type: 'closed', at: '2026-12-22T11:00' }]);
    const states = (kase: Case) => {
      const result = status(rotherham, kase, '2027-02-01T10:00');
      if (!result.success) throw new Error(result.refusal.message);
      return result.status.obligations.map((o) => o.state);
    };
    expect(new Set(states(withdrawn))).toEqual(new Set(['cancelled']));
    expect(states(closed)).toEqual(states(withdrawn));
  });
});

describe('bug 8: engine options of the wrong shape are refused, never a TypeError', () => {
  const kase = build(swindon, [opening]);
  it.each([
    ['closures: "abc"', { closures: 'abc' }],
    ['closures: { length: 1 }', { closures: { length: 1 } }],
    ['null', null],
    ['closures: [null]', { closures: [null] }],
    ['calendar: 7', { calendar: 7 }],
    ['dueSoonWorkingDays: -1', { dueSoonWorkingDays: -1 }],
    ['immediateGrace: "soon"', { immediateGrace: 'soon' }],
    ['a misspelt key', { closure: [] }],
  ])('status with %s', (_name, options) => {
    const result = status(swindon, kase, '2026-12-22T10:00', options as never);
    expect(result).toMatchObject({ success: false, refusal: { code: 'engine/invalid-options', category: 'malformed' } });
  });

  it('plan with closures: "abc" throws a TimeError naming the option', () => {
    expect(() => plan(swindon, { from: '2026-12-21', closures: 'abc' as never })).toThrow(TimeError);
    expect(() => plan(swindon, null as never)).toThrow(TimeError);
  });
});

describe('plan refuses a subject outside the protocol scope', () => {
  it('Swindon covers children only', () => {
    expect(() => plan(swindon, { from: '2026-12-21', subject: 'adult' })).toThrow(/covers child, not "adult"/);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties

const fixture = getProtocol('north-yorkshire');
const STAGES = fixture.stages.map((s) => s.id);
const RECORDS = fixture.records.map((r) => r.id);
const RULES = fixture.bypass.map((r) => r.id);
const OBLIGATIONS = fixture.stages.flatMap((s) => s.obligations.map((o) => o.id));

/** A random log: mostly plausible events at increasing times, with some wrong ones. */
const logs = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 5 * 24 * 60 }),
      fc.oneof(
        fc.constant({ type: 'escalated' }),
        fc.constantFrom(...STAGES).map((to) => ({ type: 'escalated', to })),
        fc.constantFrom(...RECORDS).map((record) => ({ type: 'recorded', record })),
        fc.constantFrom(...OBLIGATIONS).map((obligation) => ({ type: 'fulfilled', obligation })),
        fc.constantFrom(...RULES).map((rule) => ({ type: 'bypassed', rule })),
        fc.constant({ type: 'resolved', outcome: 'agreed' }),
        fc.constant({ type: 'withdrawn' }),
        fc.constant({ type: 'closed' }),
        fc.nat({ max: 8 }).map((event) => ({ type: 'voided', event, reason: 'error' })),
        // Not events at all (bug 4): applyEvent must refuse what replay would refuse.
        fc.constantFrom(null, undefined, 0, '', false),
      ),
    ),
    { maxLength: 12 },
  )
  .map((steps) => {
    let t = Date.UTC(2027, 2, 1, 9);
    const events: Record<string, unknown>[] = [{ ...opening, at: new Date(t).toISOString() }];
    for (const [minutes, event] of steps) {
      t += minutes * 60_000;
      events.push(event !== null && typeof event === 'object' ? { ...event, at: new Date(t).toISOString() } : (event as never));
    }
    return events as unknown as CaseEvent[];
  });

const nows = fc.integer({ min: 0, max: 90 * 24 * 60 }).map((m) => new Date(Date.UTC(2027, 2, 1, 9) + m * 60_000).toISOString());

describe('properties', () => {
  it('replay equals folding applyEvent: a log is accepted whole exactly when each event is accepted in turn', () => {
    fc.assert(
      fc.property(logs, (events) => {
        let kase = empty(fixture);
        let refusedAt = -1;
        for (let i = 0; i < events.length; i++) {
          const result = applyEvent(fixture, kase, events[i]!);
          if (!result.success) {
            refusedAt = i;
            break;
          }
          kase = result.case;
        }
        const whole = replay(fixture, { ...kase, events: [...kase.events] });
        expect(whole.success).toBe(true);
        if (refusedAt >= 0) {
          const upTo = { ...kase, events: [...kase.events, events[refusedAt]!] };
          expect(replay(fixture, upTo).success).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("closing never changes an obligation's state", () => {
    fc.assert(
      fc.property(logs, nows, (events, now) => {
        let kase = empty(fixture);
        for (const event of events) {
          const result = applyEvent(fixture, kase, event);
          if (result.success) kase = result.case;
        }
        const last = kase.events.at(-1)!;
        const closing = applyEvent(fixture, kase, { type: 'closed', at: last.at });
        if (!closing.success) return;
        const before = status(fixture, kase, new Date(Math.max(Date.parse(now), Date.parse(last.at))));
        const after = status(fixture, closing.case, new Date(Math.max(Date.parse(now), Date.parse(last.at))));
        if (!before.success || !after.success) throw new Error('status refused');
        expect(after.status.obligations.map((o) => [o.id, o.state])).toEqual(before.status.obligations.map((o) => [o.id, o.state]));
      }),
      { numRuns: 300 },
    );
  });

  it('every engine option argument of arbitrary shape gives a refusal or a TimeError, never a TypeError', () => {
    const kase = build(swindon, [opening]);
    const shapes = fc.oneof(
      fc.anything(),
      fc.record(
        { closures: fc.anything(), calendar: fc.anything(), dueSoonWorkingDays: fc.anything(), immediateGrace: fc.anything() },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(shapes, (options) => {
        const result = status(swindon, kase, '2026-12-22T10:00', options as never);
        if (!result.success) expect(result.refusal.category).toBe('malformed');
        const now = applyEvent(swindon, kase, { type: 'escalated', at: '2026-12-22T10:00' }, options as never);
        expect(typeof now.success).toBe('boolean');
        try {
          plan(swindon, { from: '2026-12-21', ...(options as object) } as never);
        } catch (error) {
          expect(error).toBeInstanceOf(TimeError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
