// Issue #11: the eight answers an integrator found wrong, each pinned here (see
// ../shared/reviews/integrator-2026-12-01.md for the calls that showed them).
import { describe, expect, it } from 'vitest';
import {
  allowedNow,
  applyEvent,
  createRegistry,
  getProtocol,
  openCase,
  parseEvent,
  parseProtocolOrThrow,
  protocolDigest,
  replay,
  status,
  type Case,
  type CaseEvent,
} from '../../src/index.js';
import { buildCase, fixture, fixtureInput } from './_fixture.js';

const swindon = getProtocol('swindon');
const northYorkshire = getProtocol('north-yorkshire');
const child = { subject: 'child', raisingAgency: 'School', receivingAgency: "Children's Social Care" } as const;

const build = buildCase;

describe('1. status is as of "now": later events do not count', () => {
  // Swindon: opened Mon 21 Dec 2026, escalated Wed 23 Dec, resolved and closed Tue 5 Jan 2027.
  const kase = build(swindon, [
    { type: 'opened', at: '2026-12-21T10:00', ...child },
    { type: 'escalated', at: '2026-12-23T10:00' },
    { type: 'resolved', at: '2027-01-05T10:00', outcome: 'Agreed a joint visit' },
    { type: 'closed', at: '2027-01-05T11:00' },
  ]);

  it('on 4 January the case is open at stage 2, its discussion due soon', () => {
    const result = status(swindon, kase, '2027-01-04T09:00');
    if (!result.success) throw new Error(result.refusal.message);
    expect(result.status.phase).toBe('open');
    expect(result.status.stage.id).toBe('stage-2');
    const discussion = result.status.obligations.find((o) => o.id === 'stage-2-discussion')!;
    expect(discussion).toMatchObject({ state: 'dueSoon', due: { date: '2027-01-04' }, metAt: null });
  });

  it('two hours after opening it is at stage 1, and only opening-time moves are allowed', () => {
    const result = status(swindon, kase, '2026-12-21T12:00');
    if (!result.success) throw new Error(result.refusal.message);
    expect(result.status.stage.id).toBe('stage-1');
    expect(result.status.phase).toBe('open');
    expect(allowedNow(swindon, kase, '2026-12-21T12:00').some((m) => m.type === 'escalated' && m.to === 'stage-2')).toBe(true);
    expect(allowedNow(swindon, kase)).toEqual([]);
  });

  it('asking about a moment before the case opened is refused', () => {
    const result = status(swindon, kase, '2026-12-21T09:59');
    expect(result).toMatchObject({ success: false, refusal: { code: 'engine/before-opened', category: 'malformed' } });
  });
});

describe('2. applyEvent with { now } refuses events in the future', () => {
  const kase = build(swindon, [{ type: 'opened', at: '2026-12-21T10:00', ...child }]);

  it('refuses a 2062 typo, and accepts a clock a few minutes ahead', () => {
    const typo = applyEvent(swindon, kase, { type: 'escalated', at: '2062-12-23T10:00' }, { now: '2026-12-23T10:00' });
    expect(typo).toMatchObject({ success: false, refusal: { code: 'engine/event-in-future', eventIndex: 1 } });
    const skewed = applyEvent(swindon, kase, { type: 'escalated', at: '2026-12-23T10:04' }, { now: '2026-12-23T10:00' });
    expect(skewed.success).toBe(true);
    const tooFar = applyEvent(swindon, kase, { type: 'escalated', at: '2026-12-23T10:06' }, { now: '2026-12-23T10:00' });
    expect(tooFar.success).toBe(false);
  });
});

describe('3. a voided event corrects a mistake; the log keeps both', () => {
  // A case stored before the guard: the mistyped escalation was accepted and locks the case.
  const locked = build(swindon, [
    { type: 'opened', at: '2026-12-21T10:00', ...child },
    { type: 'escalated', at: '2062-12-23T10:00' },
  ]);

  it('the locked case refuses the real escalation; after voiding the typo it takes it', () => {
    const real = { type: 'escalated', at: '2026-12-23T10:00' } as const;
    expect(applyEvent(swindon, locked, real)).toMatchObject({ success: false, refusal: { code: 'engine/time-went-backwards' } });
    const voided = applyEvent(swindon, locked, { type: 'voided', at: '2026-12-23T09:55', event: 1, reason: 'Year mistyped' });
    if (!voided.success) throw new Error(voided.refusal.message);
    const repaired = applyEvent(swindon, voided.case, real);
    if (!repaired.success) throw new Error(repaired.refusal.message);
    expect(repaired.case.events.map((e) => e.type)).toEqual(['opened', 'escalated', 'voided', 'escalated']);
    const s = status(swindon, repaired.case, '2026-12-23T12:00');
    expect(s.success && s.status.history.map((h) => [h.stage, h.enteredAt])).toEqual([
      ['stage-1', '2026-12-21T10:00:00+00:00'],
      ['stage-2', '2026-12-23T10:00:00+00:00'],
    ]);
    expect(replay(swindon, repaired.case).success).toBe(true);
  });

  it('refuses voiding the opening, a voided event, an event twice, or an event not yet in the log', () => {
    const voided = build(swindon, [...locked.events, { type: 'voided', at: '2026-12-23T09:55', event: 1, reason: 'typo' }]);
    const tries: [number, string][] = [
      [0, 'the opening'],
      [2, 'a voided event'],
      [1, 'already voided'],
      [3, 'not yet in the log'],
    ];
    for (const [event] of tries) {
      const result = applyEvent(swindon, voided, { type: 'voided', at: '2026-12-23T10:00', event, reason: 'again' });
      expect(result, `voiding event ${event}`).toMatchObject({ success: false, refusal: { code: 'engine/cannot-void' } });
    }
  });

  it('times run forward among the events not voided', () => {
    const kase = build(swindon, [
      { type: 'opened', at: '2026-12-21T10:00', ...child },
      { type: 'recorded', at: '2026-12-22T10:00', record: swindon.records[0]!.id },
      { type: 'recorded', at: '2026-12-22T11:00', record: swindon.records[0]!.id },
    ]);
    // The voided record's own time does not count; the later record's does.
    const ok = applyEvent(swindon, kase, { type: 'voided', at: '2026-12-22T11:00', event: 1, reason: 'wrong record' });
    expect(ok.success).toBe(true);
    const back = applyEvent(swindon, kase, { type: 'voided', at: '2026-12-22T10:30', event: 1, reason: 'wrong record' });
    expect(back).toMatchObject({ success: false, refusal: { code: 'engine/time-went-backwards' } });
  });
});

describe('4. a case records its protocol content digest', () => {
  const changedInput = {
    ...fixtureInput,
    stages: fixtureInput.stages.map((s, i) =>
      i === 0 ? { ...s, obligations: [{ ...s.obligations![0]!, due: { within: '1wd', from: 'disagreement' } }] } : s,
    ),
  };
  const changed = parseProtocolOrThrow(changedInput);

  it('the digest is stable: the same content gives the same digest, any change another', () => {
    expect(protocolDigest(parseProtocolOrThrow(structuredClone(fixtureInput)))).toBe(protocolDigest(fixture));
    expect(protocolDigest(fixture)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(protocolDigest(changed)).not.toBe(protocolDigest(fixture));
  });

  it('registry.with refuses the same id and version with different content', () => {
    const registry = createRegistry([fixture]);
    expect(() => registry.with(changed)).toThrow(/same id and version/);
    expect(registry.with(parseProtocolOrThrow(structuredClone(fixtureInput))).all).toHaveLength(1);
  });

  it('status and applyEvent refuse a protocol whose content changed under the same version', () => {
    const opened = openCase(fixture, { at: '2026-12-21T10:00', ...child });
    if (!opened.success) throw new Error(opened.refusal.message);
    expect(opened.case.protocol.digest).toBe(protocolDigest(fixture));
    expect(status(changed, opened.case, '2026-12-22T10:00')).toMatchObject({
      success: false,
      refusal: { code: 'engine/protocol-changed', category: 'protocolMismatch' },
    });
    expect(applyEvent(changed, opened.case, { type: 'escalated', at: '2026-12-22T10:00' })).toMatchObject({
      success: false,
      refusal: { code: 'engine/protocol-changed' },
    });
  });

  it('a case stored without a digest (0.1) keeps working', () => {
    const old: Case = { protocol: { id: 'fixture', version: '1' }, events: [{ type: 'opened', at: '2026-12-21T10:00', ...child }] };
    expect(status(fixture, old, '2026-12-22T10:00').success).toBe(true);
    expect(applyEvent(fixture, old, { type: 'escalated', at: '2026-12-22T10:00' }).success).toBe(true);
  });
});

describe('5. the stored event is a copy of the validated event', () => {
  it("changing the caller's object afterwards does not change the case", () => {
    const kase = build(swindon, [{ type: 'opened', at: '2026-12-21T10:00', ...child }]);
    const event = { type: 'recorded', at: '2026-12-22T10:00', record: swindon.records[0]!.id } as Record<string, string>;
    const result = applyEvent(swindon, kase, event as unknown as CaseEvent);
    if (!result.success) throw new Error(result.refusal.message);
    event.record = 'mutated-after';
    expect(result.case.events[1]).toMatchObject({ record: swindon.records[0]!.id });
    expect(result.case.events[1]).not.toBe(event);
  });
});

describe('6. parseEvent reads an untrusted request body', () => {
  it('returns a typed copy of a good event, with no unknown keys', () => {
    const input = { type: 'escalated', at: '2026-12-23T10:00', to: 'stage-2' };
    const result = parseEvent(input);
    expect(result).toEqual({ success: true, event: input });
    expect(result.success && result.event).not.toBe(input);
  });

  it('refuses unknown keys with "did you mean", and a bad subject as an invalid value', () => {
    const typo = parseEvent({ type: 'recorded', at: '2026-12-23T10:00', recrod: 'x', colour: 'blue' });
    expect(typo.success).toBe(false);
    if (typo.success) return;
    expect(typo.issues.map((i) => [i.code, i.path])).toEqual([
      ['event/missing-key', ['record']],
      ['event/unknown-key', ['recrod']],
      ['event/unknown-key', ['colour']],
    ]);
    expect(typo.issues[1]!.message).toMatch(/Did you mean "record"\?/);
    const kid = parseEvent({ type: 'opened', at: '2026-12-21T10:00', ...child, subject: 'kid' });
    expect(!kid.success && kid.issues).toEqual([expect.objectContaining({ code: 'event/invalid-value', path: ['subject'] })]);
    const applied = applyEvent(
      swindon,
      { protocol: { id: 'swindon', version: swindon.version }, events: [] },
      {
        type: 'opened',
        at: '2026-12-21T10:00',
        ...child,
        subject: 'kid' as 'child',
      },
    );
    expect(applied).toMatchObject({ success: false, refusal: { code: 'engine/invalid-event' } });
  });

  it('never throws, whatever it is given', () => {
    const hostile = [null, undefined, 0, '', false, [], 'escalated', { type: {} }, Object.create(null), { __proto__: { type: 'closed' } }];
    for (const input of hostile) expect(parseEvent(input).success).toBe(false);
  });
});

describe('7. registry.inForce reads an instant as its London date, and refuses anything else', () => {
  const v1 = { ...fixtureInput, effectiveFrom: '2018-11-01' };
  const v2 = { ...fixtureInput, version: '2', effectiveFrom: '2027-07-01', reviewBy: '2029-01-01' };
  const registry = createRegistry([parseProtocolOrThrow(v1), parseProtocolOrThrow(v2)]);

  it('23:30 UTC on 30 June 2027 is 1 July in London: the new version', () => {
    expect(registry.inForce('fixture', '2027-06-30T23:30:00Z')!.version).toBe('2');
    expect(registry.inForce('fixture', '2027-06-30')!.version).toBe('1');
    expect(registry.inForce('fixture', new Date('2027-07-01T09:00:00Z'))!.version).toBe('2');
  });

  it('refuses "garbage" and "2027-7-1" instead of guessing', () => {
    expect(() => registry.inForce('fixture', 'garbage')).toThrow(/ISO 8601/);
    expect(() => registry.inForce('fixture', '2027-7-1')).toThrow();
  });
});

describe('8. "immediately" is due now within a grace, overdue after it', () => {
  // North Yorkshire stage 2: "Immediate once discussion has taken place".
  const kase = build(northYorkshire, [
    { type: 'opened', at: '2027-03-01T09:00', subject: 'child', raisingAgency: 'Police', receivingAgency: 'Children and Families Service' },
    { type: 'escalated', at: '2027-03-02T10:00' },
  ]);
  const discussion = (now: string, options = {}) => {
    const result = status(northYorkshire, kase, now, options);
    if (!result.success) throw new Error(result.refusal.message);
    return result.status.obligations.find((o) => o.id === 's2-discuss-with-line-manager')!.state;
  };

  it('five minutes after escalation it is due now, not overdue', () => {
    expect(discussion('2027-03-02T10:05')).toBe('dueNow');
    expect(discussion('2027-03-02T23:59')).toBe('dueNow');
    expect(discussion('2027-03-03T00:00')).toBe('overdue');
  });

  it('an integrator sets another grace', () => {
    expect(discussion('2027-03-02T10:05', { immediateGrace: '1h' })).toBe('dueNow');
    expect(discussion('2027-03-02T11:01', { immediateGrace: '1h' })).toBe('overdue');
  });
});
