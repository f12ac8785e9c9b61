// What SECURITY.md promises for untrusted protocol files and event logs, pinned: no code execution,
// no prototype pollution, bounded work for bounded input. Hostile input must produce an issue, a
// refusal or an ordinary result; never an uncaught exception, a stack overflow or a hang.
//
// No test here asserts how fast anything is: a busy CI machine must never fail on speed. Bounded work
// is shown by counting it where the library counts (the reader's value and depth limits give their
// own codes, and the size cap refuses before any reading), and by a hang guard: each hostile call
// must come back within HANG_GUARD_MS, a minute, hundreds of times what an honest run takes (the
// inputs take milliseconds to a second when the work is linear), so only quadratic or exponential
// work, the kind that never finishes, can trip it. How long the calls take is `npm run bench`
// (scripts/bench.mjs, section 7), as ratios against JSON.parse.

import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  TimeError,
  allowedNow,
  due,
  applyEvent,
  evaluateTimescale,
  getProtocol,
  lintProtocol,
  loadProtocol,
  openCase,
  parseDuration,
  parseProtocol,
  plan,
  renderMarkdown,
  renderMermaid,
  replay,
  status,
  type Case,
  type CaseEvent,
  type Protocol,
  type ProtocolResult,
} from '../../src/index.js';

const HANG_GUARD_MS = 60_000;
/** Vitest's own timeout per test: above the guard, so a guard that fails reports its time instead of timing out. */
const SLOW = 300_000;
const MB = 1024 * 1024;

/** Runs `fn` once; fails only if it took HANG_GUARD_MS (a minute) or more: a hang, never slowness. */
function guarded<T>(label: string, fn: () => T): T {
  const start = performance.now();
  const value = fn();
  const ms = performance.now() - start;
  expect(ms, `${label} took ${Math.round(ms)} ms`).toBeLessThan(HANG_GUARD_MS);
  return value;
}

const swindon = getProtocol('swindon');
/** A mutable, plain-JSON copy of a valid protocol to break. */
// biome-ignore lint/suspicious/noExplicitAny: the tests break a valid protocol on purpose, at any depth, so they need untyped access
const swindonJson = (): Record<string, any> => JSON.parse(JSON.stringify(swindon));
const codes = (result: ProtocolResult): string[] => (result.success ? [] : result.issues.map((i) => i.code));
/** The reader's own limits are what these tests exercise, so the size cap is raised above the inputs. */
const RAISED = { maxSize: 64 * MB };

/** A finding that is really a stack overflow, caught and reported on the way out. */
const overflow = (result: ProtocolResult): string | undefined =>
  result.success ? undefined : result.issues.find((i) => /call stack|RangeError/i.test(i.message))?.message;

/** An issue, not a success, and no finding that is really a stack overflow. */
function expectIssues(result: ProtocolResult): void {
  expect(result.success).toBe(false);
  if (!result.success) expect(result.issues.length).toBeGreaterThan(0);
  expect(overflow(result)).toBeUndefined();
}

const isoAt = (second: number): string => new Date(Date.UTC(2026, 0, 5, 10) + second * 1000).toISOString();
const opened = {
  type: 'opened',
  at: '2026-01-05T09:00',
  subject: 'child',
  raisingAgency: 'School',
  receivingAgency: "Children's Social Care",
} as const;
const caseOf = (protocol: Protocol, events: readonly unknown[]): Case => ({
  protocol: { id: protocol.id, version: protocol.version },
  events: events as CaseEvent[],
});

describe('very large and deeply nested protocol text (loadProtocol)', { timeout: SLOW }, () => {
  it('past the size cap (1 MiB by default) nothing is read: 50 MB of [ is refused at once', () => {
    expect(codes(guarded('50 MB of [', () => loadProtocol('['.repeat(50 * MB))))).toEqual(['json/too-large']);
    expect(codes(guarded('50 MB of bytes', () => loadProtocol(new Uint8Array(50 * MB).fill(0x5b))))).toEqual(['json/too-large']);
  });

  it('10 MB of small values, with the cap raised, is refused by the value limit', () => {
    const text = JSON.stringify({ ...swindonJson(), notes: new Array(5 * MB).fill(0) });
    expect(text.length).toBeGreaterThan(10 * MB);
    const result = guarded('10 MB of numbers', () => loadProtocol(text, RAISED));
    expect(codes(result)).toEqual(['json/too-deep']);
    if (!result.success) expect(result.issues[0]!.message).toContain('more than 200000 values');
  });

  it('10 MB of keys in one object, with the cap raised, is refused by the value limit', () => {
    const extra = Object.fromEntries(Array.from({ length: 900_000 }, (_, i) => [`k${i}`, 1]));
    const text = JSON.stringify({ ...swindonJson(), extra });
    expect(text.length).toBeGreaterThan(9 * MB);
    expect(codes(guarded('10 MB of keys', () => loadProtocol(text, RAISED)))).toEqual(['json/too-deep']);
  });

  it('10 MB of opening brackets, or of a string or comment never closed, is refused with an issue', () => {
    expect(codes(guarded('10 MB of [', () => loadProtocol('['.repeat(10 * MB), RAISED)))).toEqual(['json/too-deep']);
    expect(codes(guarded('10 MB unclosed string', () => loadProtocol(`{"title": "${'a'.repeat(10 * MB)}`, RAISED)))).toEqual([
      'json/syntax',
    ]);
    expect(codes(guarded('10 MB unclosed comment', () => loadProtocol(`/*${'a'.repeat(10 * MB)}`, RAISED)))).toEqual(['json/syntax']);
  });

  it('a 10 MB protocol whose size is one long text or padding is read, with the cap raised', () => {
    // Free text has no length limit in the format: the result may be a protocol; what matters is that
    // it comes back without throwing.
    const title = guarded('10 MB title', () => loadProtocol(JSON.stringify({ ...swindonJson(), title: 'a'.repeat(10 * MB) }), RAISED));
    expect(title.success && title.protocol.title.length).toBe(10 * MB);
    guarded('10 MB of escapes', () => loadProtocol(JSON.stringify({ ...swindonJson(), title: '\n'.repeat(5 * MB) }), RAISED));
    expect(guarded('10 MB of whitespace', () => loadProtocol(' '.repeat(10 * MB) + JSON.stringify(swindon), RAISED)).success).toBe(true);
    expect(
      guarded('10 MB of comments', () => loadProtocol('// a comment\n'.repeat(800_000) + JSON.stringify(swindon), RAISED)).success,
    ).toBe(true);
  });
});

describe('very large protocol values (parseProtocol)', { timeout: SLOW }, () => {
  it('100,000-element arrays where lists are expected produce issues, promptly', () => {
    const p = swindonJson();
    expectIssues(
      guarded('100k bad subjects', () => parseProtocol({ ...p, scope: { ...p.scope, subjects: new Array(100_000).fill('alien') } })),
    );
    expectIssues(guarded('100k stages that are not objects', () => parseProtocol({ ...p, stages: new Array(100_000).fill('stage') })));
    expectIssues(
      guarded('100k roles that are not objects', () =>
        parseProtocol({ ...p, roles: Array.from({ length: 100_000 }, (_, i) => `role-${i}`) }),
      ),
    );
    expectIssues(guarded('100k notes that are not text', () => parseProtocol({ ...p, notes: new Array(100_000).fill(1) })));
  });

  it('more values than any protocol has is refused before validation', () => {
    const p = swindonJson();
    const roles = Array.from({ length: 100_000 }, (_, i) => ({ id: `role-${i}`, title: 'Role', side: 'raising' }));
    const result = guarded('100k roles', () => parseProtocol({ ...p, roles }));
    expect(codes(result)).toEqual(['json/too-deep']);
  });

  it('20,000 stages (within the value limit) are checked without recursion per stage', () => {
    const p = swindonJson();
    const owner = p.roles[0].id as string;
    const stages = Array.from({ length: 20_000 }, (_, i) => ({ id: `stage-${i}`, title: 'Stage', owners: [owner] }));
    const result = guarded('20k stages', () => parseProtocol({ ...p, stages, bypass: [] }));
    expect(overflow(result)).toBeUndefined();
    if (!result.success) return;
    // A protocol that large still works end to end in bounded time.
    guarded('lint 20k stages', () => lintProtocol(result.protocol, { today: '2026-01-01' }));
    guarded('render 20k stages', () => renderMermaid(result.protocol).length + renderMarkdown(result.protocol).length);
    guarded('plan 20k stages', () => plan(result.protocol, { from: '2026-01-05' }));
    const kase = guarded('open', () => openCase(result.protocol, opened));
    expect(kase.success).toBe(true);
    if (kase.success) guarded('status', () => status(result.protocol, kase.case, '2026-02-01T00:00'));
  });

  it('a timescale nested past the depth limit, built by hand rather than parsed, is a TimeError, not a stack overflow', () => {
    let timescale: unknown = { within: '5wd' };
    for (let i = 0; i < 20_000; i++) timescale = { earliestOf: [timescale, { within: '1wd' }] };
    const call = (): unknown => evaluateTimescale(timescale as Parameters<typeof evaluateTimescale>[0], { default: '2026-01-05' });
    expect(() => guarded('evaluateTimescale 20k deep', call)).toThrow(TimeError);
  });

  it('the same timescale inside a protocol is refused at the depth limit', () => {
    let timescale: unknown = { within: '5wd' };
    for (let i = 0; i < 20_000; i++) timescale = { earliestOf: [timescale, { within: '1wd' }] };
    expect(codes(guarded('deep ceiling', () => parseProtocol({ ...swindonJson(), ceiling: timescale })))).toEqual(['json/too-deep']);
  });
});

describe('long strings', { timeout: SLOW }, () => {
  // "1", thousands of spaces, then a character that cannot end a duration: a regular expression that
  // can split the spaces between several quantifiers takes cubic time on it.
  const spaces = `1${' '.repeat(3_000)}!`;

  it('a long malformed duration is an issue, promptly (no catastrophic backtracking)', () => {
    expect(guarded('parseDuration', () => parseDuration(spaces)).success).toBe(false);
    const p = swindonJson();
    p.stages[0].obligations[0].due = { within: spaces, from: 'disagreement' };
    expect(codes(guarded('loadProtocol with the duration', () => loadProtocol(JSON.stringify(p))))).toContain('schema/invalid-duration');
    for (const text of [`${'1'.repeat(100_000)}wd`, `5${'w'.repeat(100_000)}`, `5 ${'working '.repeat(20_000)}days`, ' '.repeat(100_000)]) {
      expect(guarded('parseDuration', () => parseDuration(text)).success).toBe(false);
    }
  });

  it('a long record field label is checked for child details in linear time', () => {
    // Many "name" words and no "child": a pattern with ".*" between the two word lists tries every
    // "name" against the whole rest of the label.
    const p = swindonJson();
    p.records.push({
      id: 'long-form',
      title: 'Form',
      kind: 'form',
      noChildOrFamilyDetails: true,
      fields: [{ id: 'f', label: 'name '.repeat(40_000) }],
    });
    expect(overflow(guarded('long label', () => parseProtocol(p)))).toBeUndefined();
  });

  it('a long citation is linted in linear time', () => {
    // "days" without "working" in a later sentence than a very long first one.
    const p = swindonJson();
    const obligation = p.stages[0].obligations[0];
    obligation.due = { within: '5wd', from: 'disagreement' };
    obligation.source = { quote: `${'a'.repeat(100_000)}. Within 5 days.` };
    const parsed = parseProtocol(p);
    expect(parsed.success).toBe(true);
    if (parsed.success)
      expect(guarded('lint', () => lintProtocol(parsed.protocol, { today: '2026-01-01' })).map((f) => f.code)).toContain(
        'lint/ambiguous-days',
      );
  });

  it('a long unknown key made of the words the finding uses is an issue, promptly', () => {
    const key = `${'Keys allowed here: '.repeat(15_000)}\n`;
    const result = guarded('long key', () => parseProtocol({ ...swindonJson(), [key]: 1 }));
    expect(codes(result)).toContain('schema/unknown-key');
  });

  it('the largest durations (five digits) come due or are refused past 2099, promptly', () => {
    for (const unit of ['wd', 'h', 'd', 'w', 'mo']) {
      guarded(`99999${unit}`, () => {
        try {
          return due('2026-01-05T10:00', `99999${unit}`);
        } catch (error) {
          expect(error).toBeInstanceOf(TimeError);
          expect((error as TimeError).code).toBe('time/out-of-range');
          return undefined;
        }
      });
    }
    expect(parseDuration('100000wd').success).toBe(false);
  });

  it('megabyte ids, anchors and dates in a protocol are issues, promptly', () => {
    const long = 'x'.repeat(MB);
    const p = swindonJson();
    expectIssues(guarded('1 MB owner', () => parseProtocol({ ...p, stages: [{ ...p.stages[0], owners: [long] }, ...p.stages.slice(1)] })));
    const q = swindonJson();
    q.stages[0].obligations[0].due = { within: '5wd', from: `completed:${long}` };
    expectIssues(guarded('1 MB anchor', () => parseProtocol(q)));
    expectIssues(guarded('1 MB date', () => parseProtocol({ ...swindonJson(), effectiveFrom: `2026-01-01${'0'.repeat(MB)}` })));
  });

  it('long unknown ids among long declared ids are issues, promptly (no quadratic "did you mean")', () => {
    // Suggestions compare each unknown id with every declared one; with long ids on both sides an
    // unbounded edit distance is quadratic in the file's size.
    const p = swindonJson();
    const long = (i: number): string => `r${i}-${'x'.repeat(20_000)}`;
    p.roles = [...p.roles, ...Array.from({ length: 10 }, (_, i) => ({ id: long(i), title: 'Role', side: 'raising' }))];
    p.stages[0].owners = [`${long(0)}y`];
    expect(codes(guarded('long ids', () => parseProtocol(p)))).toContain('check/unknown-role');
  });

  it('megabyte instants, stage ids and texts in events are refused or kept, promptly', () => {
    const long = 'x'.repeat(10 * MB);
    expect(
      guarded('10 MB at', () => replay(swindon, caseOf(swindon, [{ ...opened, at: `2026-01-05T09:00${'0'.repeat(MB)}` }]))),
    ).toMatchObject({ success: false, refusal: { code: 'engine/invalid-event' } });
    expect(
      guarded('10 MB stage id', () => replay(swindon, caseOf(swindon, [opened, { type: 'escalated', at: isoAt(1), to: long }]))),
    ).toMatchObject({ success: false, refusal: { code: 'engine/unknown-stage' } });
    expect(guarded('10 MB agency', () => replay(swindon, caseOf(swindon, [{ ...opened, raisingAgency: long }])))).toMatchObject({
      success: true,
    });
    expect(guarded('10 MB now', () => status(swindon, caseOf(swindon, [opened]), `2026-01-05${'0'.repeat(MB)}`))).toMatchObject({
      success: false,
    });
  });
});

describe('100,000 events in a case', { timeout: SLOW }, () => {
  const N = 100_000;

  it('are replayed, and their status and allowed moves computed, promptly', () => {
    const records = caseOf(swindon, [
      opened,
      ...Array.from({ length: N }, (_, i) => ({ type: 'recorded', at: isoAt(i), record: swindon.records[0]!.id })),
    ]);
    expect(guarded('replay', () => replay(swindon, records)).success).toBe(true);
    expect(guarded('status', () => status(swindon, records, '2026-06-01T00:00')).success).toBe(true);
    guarded('allowedNow', () => allowedNow(swindon, records));
    expect(guarded('applyEvent', () => applyEvent(swindon, records, { type: 'withdrawn', at: isoAt(N + 1) })).success).toBe(true);
  });

  it('with many bypasses and fulfilments, work stays linear in the events', () => {
    // Half the events invoke one urgent rule, one invokes another, and the rest fulfil that second
    // rule: a lookup that scans every earlier bypass per event makes this quadratic.
    const [first, second] = swindon.bypass.filter((rule) => rule.effect.type === 'addObligation');
    expect(second).toBeDefined();
    const events: unknown[] = [opened];
    for (let i = 0; i < N / 2 - 1; i++) events.push({ type: 'bypassed', at: isoAt(i), rule: first!.id });
    events.push({ type: 'bypassed', at: isoAt(N / 2), rule: second!.id });
    for (let i = N / 2 + 1; i <= N; i++) events.push({ type: 'fulfilled', at: isoAt(i), obligation: second!.id });
    const kase = caseOf(swindon, events);
    expect(guarded('replay', () => replay(swindon, kase)).success).toBe(true);
    expect(guarded('status', () => status(swindon, kase, '2026-06-01T00:00')).success).toBe(true);
  });

  it('a log of 100,000 malformed events is refused at the first one', () => {
    const junk = [null, 42, 'opened', [], { type: '__proto__' }, { type: 'constructor', at: '2026-01-05' }];
    for (const bad of junk) {
      const result = guarded('replay junk', () => replay(swindon, caseOf(swindon, [opened, ...new Array(N).fill(bad)])));
      expect(result).toMatchObject({ success: false, refusal: { code: 'engine/invalid-event', eventIndex: 1 } });
    }
  });
});

describe('prototype keys are data', () => {
  const text = JSON.stringify(swindon);
  const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

  afterEach(() => {
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  });

  it('any of them as a key, at the top or nested, is an unknown key and pollutes nothing', () => {
    for (const key of KEYS) {
      const top = loadProtocol(text.replace('{', `{"${key}": {"polluted": true},`));
      expect(codes(top), key).toContain('schema/unknown-key');
      const nested = loadProtocol(text.replace('"stages":[{', `"stages":[{"${key}": {"polluted": true},`));
      expect(codes(nested), key).toContain('schema/unknown-key');
      const deep = parseProtocol(JSON.parse(text.replace('"scope":{', `"scope":{"${key}": {"polluted": true},`)));
      expect(codes(deep), key).toContain('schema/unknown-key');
    }
  });

  it('"constructor" and "prototype" as ids are ordinary ids; inherited names never resolve', () => {
    const renamed = text
      .replaceAll('"stage-1"', '"constructor"')
      .replaceAll(':stage-1"', ':constructor"')
      .replaceAll('"stage-2"', '"prototype"')
      .replaceAll(':stage-2"', ':prototype"');
    const result = parseProtocol(JSON.parse(renamed));
    expect(result.success).toBe(true);
    if (!result.success) return;
    const protocol = result.protocol;
    const start = openCase(protocol, opened);
    expect(start.success).toBe(true);
    if (!start.success) return;
    expect(applyEvent(protocol, start.case, { type: 'escalated', at: isoAt(1), to: 'prototype' }).success).toBe(true);
    const refusals: [CaseEvent, string][] = [
      [{ type: 'escalated', at: isoAt(1), to: 'toString' }, 'engine/unknown-stage'],
      [{ type: 'escalated', at: isoAt(1), to: '__proto__' }, 'engine/unknown-stage'],
      [{ type: 'recorded', at: isoAt(1), record: 'hasOwnProperty' }, 'engine/unknown-record'],
      [{ type: 'recorded', at: isoAt(1), record: 'constructor' }, 'engine/unknown-record'],
      [{ type: 'fulfilled', at: isoAt(1), obligation: 'constructor' }, 'engine/unknown-obligation'],
      [{ type: 'bypassed', at: isoAt(1), rule: 'valueOf' }, 'engine/unknown-rule'],
    ];
    for (const [event, code] of refusals)
      expect(applyEvent(protocol, start.case, event)).toMatchObject({ success: false, refusal: { code } });
    // And a protocol that refers to inherited names does not pass its checks.
    const p = swindonJson();
    p.stages[0].owners = ['constructor'];
    expect(codes(parseProtocol(p))).toContain('check/unknown-role');
    const q = swindonJson();
    q.stages[1].obligations[0].due = { within: '5wd', from: 'record:hasOwnProperty' };
    expect(parseProtocol(q).success).toBe(false);
  });

  it('a duration that names an Object.prototype member gets no suggestion built from it', () => {
    for (const word of ['constructor', 'tostring', 'valueof', 'hasownproperty', 'proto']) {
      const result = parseDuration(`5 ${word}`);
      expect(result.success).toBe(false);
      if (!result.success) expect(result.issues[0]!.message, word).not.toMatch(/function|native code|\[object/);
    }
  });

  it('anchors given as JSON with a "__proto__" key are read as data, and inherited anchors are ignored', () => {
    const own = JSON.parse('{"__proto__": "2026-01-05T10:00"}') as Record<string, string>;
    expect(evaluateTimescale({ within: '5wd', from: '__proto__' }, own)).toMatchObject({ kind: 'due', due: { date: '2026-01-12' } });
    const inherited = Object.create({ arose: '2026-01-05T10:00' }) as Record<string, string>;
    expect(evaluateTimescale({ within: '5wd', from: 'arose' }, inherited)).toEqual({ kind: 'waiting', anchors: ['arose'] });
    expect(evaluateTimescale({ within: '5wd', from: 'constructor' }, {})).toEqual({ kind: 'waiting', anchors: ['constructor'] });
  });
});

describe('event logs with "__proto__"', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>).type).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  const log = (events: string): Case =>
    JSON.parse(`{"protocol": {"id": "swindon", "version": ${JSON.stringify(swindon.version)}}, "events": ${events}}`) as Case;
  const openedJson = JSON.stringify(opened).slice(0, -1);

  it('"__proto__" keys in stored events are data: the case replays, pollutes nothing and is not changed', () => {
    const kase = log(
      `[${openedJson}, "__proto__": {"polluted": true, "type": "closed"}}, {"type": "escalated", "at": "2026-01-06T10:00", "__proto__": {"to": "stage-5"}}]`,
    );
    const before = JSON.stringify(kase);
    const result = replay(swindon, kase);
    expect(result.success).toBe(true);
    const now = status(swindon, kase, '2026-01-07T10:00');
    expect(now).toMatchObject({ success: true, status: { stage: { id: 'stage-2' } } });
    expect(JSON.stringify(kase)).toBe(before);
    // The status is plain JSON: it survives a round trip unchanged.
    if (now.success) expect(JSON.parse(JSON.stringify(now.status))).toEqual(now.status);
  });

  it('"__proto__" and other inherited names as event fields are refused, never resolved', () => {
    const start = `[${openedJson}}`;
    const cases: [string, string][] = [
      [`${start}, {"type": "__proto__", "at": "2026-01-06"}]`, 'engine/invalid-event'],
      [`${start}, {"type": "constructor", "at": "2026-01-06"}]`, 'engine/invalid-event'],
      [`${start}, {"type": "toString", "at": "2026-01-06"}]`, 'engine/invalid-event'],
      [`${start}, {"type": "escalated", "at": "2026-01-06", "to": "__proto__"}]`, 'engine/unknown-stage'],
      [`${start}, {"type": "recorded", "at": "2026-01-06", "record": "__proto__"}]`, 'engine/unknown-record'],
      [`${start}, {"type": "fulfilled", "at": "2026-01-06", "obligation": "__proto__"}]`, 'engine/unknown-obligation'],
      [`${start}, {"type": "bypassed", "at": "2026-01-06", "rule": "__proto__"}]`, 'engine/unknown-rule'],
      [
        `[{"type": "opened", "at": "2026-01-05", "subject": "__proto__", "raisingAgency": "A", "receivingAgency": "B"}]`,
        // not a subject at all: a malformed event (issue #11), not a subject of another procedure
        'engine/invalid-event',
      ],
      [
        `[{"type": "opened", "at": "2026-01-05", "subject": "constructor", "raisingAgency": "A", "receivingAgency": "B"}]`,
        // not a subject at all: a malformed event (issue #11), not a subject of another procedure
        'engine/invalid-event',
      ],
      [
        `[{"type": "opened", "at": {"__proto__": "2026-01-05"}, "subject": "child", "raisingAgency": "A", "receivingAgency": "B"}]`,
        'engine/invalid-event',
      ],
    ];
    for (const [events, code] of cases) expect(replay(swindon, log(events)), events).toMatchObject({ success: false, refusal: { code } });
  });

  it('a case whose protocol reference is "__proto__"-shaped is refused as the wrong protocol', () => {
    const kase = JSON.parse(
      `{"protocol": {"__proto__": {"id": "swindon", "version": ${JSON.stringify(swindon.version)}}}, "events": []}`,
    ) as Case;
    expect(replay(swindon, kase)).toMatchObject({ success: false, refusal: { code: 'engine/wrong-protocol' } });
  });
});

describe('no code execution', () => {
  // Spies on the Function constructor (zod's JIT compiles validators with `new Function` unless told
  // not to; eval of any kind would also have to go through it or through `eval`).
  const RealFunction = globalThis.Function;
  const RealEval = globalThis.eval;
  let constructed: string[] = [];

  beforeEach(() => {
    constructed = [];
    const spy = new Proxy(RealFunction, {
      construct(target, args: string[]) {
        constructed.push(String(args.at(-1)).slice(0, 80));
        return Reflect.construct(target, args) as object;
      },
      apply(target, self, args: string[]) {
        constructed.push(String(args.at(-1)).slice(0, 80));
        return Reflect.apply(target, self, args) as unknown;
      },
    });
    globalThis.Function = spy;
    globalThis.eval = ((code: string) => {
      constructed.push(`eval: ${String(code).slice(0, 80)}`);
      return RealEval(code);
    }) as typeof eval;
  });

  afterEach(() => {
    globalThis.Function = RealFunction;
    globalThis.eval = RealEval;
  });

  it('reading, checking and running protocols constructs no function from text', async () => {
    // A fresh copy of the library, loaded under the spy: zod compiles each schema once, on its first
    // parse, so the copy loaded at the top of this file has already compiled everything it will.
    vi.resetModules();
    const { getProtocol, loadProtocol, openCase, parseProtocol, status } = await import('../../src/index.js');
    getProtocol('oxfordshire');
    const hostile = swindonJson();
    hostile.title = '"); globalThis.polluted = true; ("';
    hostile.stages[0].id = 'constructor';
    parseProtocol(hostile);
    loadProtocol(JSON.stringify(swindonJson()));
    loadProtocol('{"id": function () { return 1 }}');
    const fresh = parseProtocol(swindonJson());
    if (fresh.success) {
      const start = openCase(fresh.protocol, opened);
      if (start.success) status(fresh.protocol, start.case, '2026-02-01T00:00');
    }
    expect(constructed).toEqual([]);
    expect(globalThis).not.toHaveProperty('polluted');
  });

  it('protocol text is JSON only: code in it is a syntax error', () => {
    for (const text of [
      '{"id": function () { return 1 }}',
      '{"id": `x`}',
      "{'id': 'x'}",
      '{"id": undefined}',
      '{"id": 1n}',
      'module.exports = {}',
    ]) {
      expect(codes(loadProtocol(text)), text).toEqual(['json/syntax']);
    }
  });

  it('src/ outside src/cli/ has no eval, Function, clock, process, require or dynamic import', () => {
    // A grep over the TypeScript syntax tree rather than the text, so that comments and strings (a
    // message may well say "the dissent process.") cannot trigger it and spacing cannot hide a call.
    const SRC = join(import.meta.dirname, '../../src');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (path !== join(SRC, 'cli')) walk(path);
        } else if (/\.[cm]?ts$/.test(entry.name)) files.push(path);
      }
    };
    walk(SRC);
    expect(files.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const file of files) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const report = (node: ts.Node, what: string): void => {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push(`${relative(SRC, file).split(sep).join('/')}:${line + 1} ${what}`);
      };
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
          const callee = node.expression;
          const args = node.arguments ?? ts.factory.createNodeArray();
          if (callee.kind === ts.SyntaxKind.ImportKeyword) report(node, 'import()');
          if (ts.isIdentifier(callee) && ['eval', 'require', 'Function'].includes(callee.text)) report(node, `${callee.text}(...)`);
          if (ts.isIdentifier(callee) && callee.text === 'Date' && args.length === 0)
            report(node, ts.isNewExpression(node) ? 'new Date()' : 'Date()');
        }
        if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
          const [object, property] = [node.expression.text, node.name.text];
          if (object === 'Date' && property === 'now') report(node, 'Date.now');
          if (object === 'process') report(node, `process.${property}`);
          if (object === 'globalThis' && ['eval', 'Function', 'process', 'require'].includes(property))
            report(node, `globalThis.${property}`);
        }
        if (
          ts.isElementAccessExpression(node) &&
          ts.isIdentifier(node.expression) &&
          ['process', 'globalThis'].includes(node.expression.text)
        )
          report(node, `${node.expression.text}[...]`);
        // `eval`, `Function` or `process` used as a value in any other way (passed, aliased).
        if (ts.isIdentifier(node) && ['eval', 'Function', 'process'].includes(node.text) && isValue(node)) report(node, node.text);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found).toEqual([]);
  });
});

/** Whether an identifier is read as a value: not a property name, a declaration's name or in a type. */
function isValue(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isPropertySignature(parent)) &&
    parent.name === node
  )
    return false;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isQualifiedName(parent)) return false;
  for (let up: ts.Node | undefined = parent; up; up = up.parent) if (ts.isTypeNode(up)) return false;
  return true;
}
