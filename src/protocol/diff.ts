import type { Timescale } from '../time/timescale.js';
import type { BypassRule, Citation, Obligation, Protocol, RecordType, Role, Stage, Variant } from './schema.js';
import { diffLanguage2, ifWords, obligationParts } from './_diff2.js';
import { attendanceInWords, effectInWords, ownersInWords, timescaleInWords } from './words.js';

/** What part of a protocol a change is in, for grouping on an approval paper. */
export type ChangeArea = 'identity' | 'scope' | 'roles' | 'stages' | 'records' | 'bypass' | 'citations';

/** One difference between two versions of a protocol, in words. */
export interface ProtocolChange {
  readonly area: ChangeArea;
  readonly change: 'added' | 'removed' | 'changed';
  /** Where, by ids rather than positions: `['stages', 'stage-1', 'obligations', 'stage-1-discussion', 'due']`. */
  readonly path: readonly string[];
  /** What it was, in words (absent when added). */
  readonly before?: string;
  /** What it is now, in words (absent when removed). */
  readonly after?: string;
  /** One sentence for the paper: `Stage 1: the timescale of "Discuss" changed from ... to ...`. */
  readonly summary: string;
}

type Push = (
  area: ChangeArea,
  path: readonly string[],
  what: string,
  before: string | undefined,
  after: string | undefined,
  detail?: string,
) => void;

/** `after` with the roles, stages and records only `before` has appended, for naming both versions' elements. */
function named(after: Protocol, before: Protocol): Protocol {
  const plus = <T extends { id: string }>(a: readonly T[], b: readonly T[]): T[] => [
    ...a,
    ...b.filter((x) => !a.some((y) => y.id === x.id)),
  ];
  return {
    ...after,
    roles: plus(after.roles, before.roles),
    stages: plus(after.stages, before.stages),
    records: plus(after.records, before.records),
  };
}

/** A change to a list of ids (owners, required records), in words: what was added and what removed. */
function members(
  push: Push,
  path: readonly string[],
  what: string,
  a: readonly string[],
  b: readonly string[],
  title: (id: string) => string,
): void {
  if (same(a, b)) return;
  const added = b.filter((id) => !a.includes(id)).map(title);
  const removed = a.filter((id) => !b.includes(id)).map(title);
  const parts = [added.length ? `added ${list(added)}` : '', removed.length ? `removed ${list(removed)}` : ''].filter(Boolean);
  push('stages', path, what, list(a.map(title)), list(b.map(title)), `${what}: ${parts.join('; ') || 'reordered'}`);
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const list = (items: readonly string[]): string => (items.length ? items.join('; ') : 'none');

/** Pairs two lists by id: removed, added, and kept (old and new), in the new order. */
function pair<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  visit: (id: string, a: T | undefined, b: T | undefined) => void,
): void {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  for (const x of before) if (!now.has(x.id)) visit(x.id, x, undefined);
  for (const x of after) visit(x.id, old.get(x.id), x);
}

/**
 * What changed between two versions of a protocol, in words a partnership's approval paper can use:
 * identity and dates, scope, roles, stages (order, owners, obligations and their timescales,
 * required records, skips, entries, variants), records, bypass rules, and every citation. Elements
 * are matched by id, so a renamed id reads as one removed and one added.
 *
 * @param before - the version in force
 * @param after - the proposed version
 * @returns the changes, in document order; empty when the two say the same
 * @example
 * ```ts
 * diffProtocols(getProtocol('croydon'), proposed).map((c) => c.summary);
 * // ['Stage 1 – Discussion between front line workers: the timescale of "Contact the professional ..." changed from "within 7 working days ..." to "within 3 working days ..."']
 * ```
 */
export function diffProtocols(before: Protocol, after: Protocol): ProtocolChange[] {
  const out: ProtocolChange[] = [];
  // Names come from the new version (then the old, for what it removed), so a renamed role, stage
  // or record is one change, not one more in every element that mentions it.
  const names = named(after, before);
  const push: Push = (area, path, what, a, b, detail) => {
    if (a === b) return;
    const change = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
    const summary =
      change === 'added'
        ? `${what}: added (${b})`
        : change === 'removed'
          ? `${what}: removed (was ${a})`
          : (detail ?? `${what} changed from "${a}" to "${b}"`);
    out.push({ area, change, path, ...(a === undefined ? {} : { before: a }), ...(b === undefined ? {} : { after: b }), summary });
  };
  const cite = (path: readonly string[], what: string, a: Citation | undefined, b: Citation | undefined): void => {
    if (!same(a, b)) push('citations', [...path, 'source'], `${what}: the citation`, a && quoteOf(a), b && quoteOf(b));
  };

  for (const key of ['title', 'partnership', 'version', 'effectiveFrom', 'reviewBy'] as const)
    push('identity', [key], `"${key}"`, before[key], after[key]);
  for (const key of ['title', 'publisher', 'published', 'url'] as const)
    push('identity', ['source', key], `The source document's ${key}`, before.source[key], after.source[key]);
  push('identity', ['ceiling'], 'The overall ceiling', words(before.ceiling, names), words(after.ceiling, names));

  push('scope', ['scope', 'subjects'], 'Whom it covers', before.scope.subjects.join(', '), after.scope.subjects.join(', '));
  push(
    'scope',
    ['scope', 'careLeaversUpToAge'],
    'The care leavers’ upper age',
    str(before.scope.careLeaversUpToAge),
    str(after.scope.careLeaversUpToAge),
  );
  push('scope', ['scope', 'region'], 'The bank holidays (region)', before.scope.region, after.scope.region);
  pair(before.scope.preconditions, after.scope.preconditions, (id, a, b) => {
    push('scope', ['scope', 'preconditions', id], `Precondition "${id}"`, a?.description, b?.description);
    if (a && b) cite(['scope', 'preconditions', id], `Precondition "${id}"`, a.source, b.source);
  });
  // #12 part B: scope exclusions.
  pair(before.scope.excludes ?? [], after.scope.excludes ?? [], (id, a, b) => {
    push('scope', ['scope', 'excludes', id], `Exclusion "${id}"`, a?.description, b?.description);
  });
  cite(['scope'], 'The scope', before.scope.source, after.scope.source);

  pair(before.roles, after.roles, (id, a, b) => {
    push('roles', ['roles', id], `Role "${id}"`, a && roleWords(a), b && roleWords(b));
    if (a && b) cite(['roles', id], `Role "${id}"`, a.source, b.source);
  });

  push(
    'stages',
    ['stages'],
    'The order of the stages',
    before.stages.map((s) => s.id).join(' → '),
    after.stages.map((s) => s.id).join(' → '),
  );
  pair(before.stages, after.stages, (id, a, b) => {
    if (!a || !b) return push('stages', ['stages', id], `Stage "${id}"`, a?.title, b?.title);
    stage(push, cite, names, a, b);
  });

  pair(before.records, after.records, (id, a, b) => {
    push('records', ['records', id], `Record "${id}"`, a && recordWords(a), b && recordWords(b));
    if (a && b) cite(['records', id], `Record "${a.title}"`, a.source, b.source);
  });

  pair(before.bypass, after.bypass, (id, a, b) => {
    push('bypass', ['bypass', id], `Bypass rule "${id}"`, a && bypassWords(a, names), b && bypassWords(b, names));
    if (a && b) cite(['bypass', id], `Bypass rule "${id}"`, a.source, b.source);
  });
  diffLanguage2(push, names, before, after);
  return out;
}

function stage(
  push: Push,
  cite: (p: readonly string[], w: string, a?: Citation, b?: Citation) => void,
  names: Protocol,
  a: Stage,
  b: Stage,
): void {
  const at = ['stages', b.id];
  const name = b.title;
  const role = (id: string): string => roleTitle(names, id);
  const record = (id: string): string => names.records.find((r) => r.id === id)?.title ?? id;
  push('stages', [...at, 'title'], `${a.title}: the title`, a.title, b.title);
  members(push, [...at, 'owners'], `${name}: the owners`, a.owners, b.owners, role);
  members(push, [...at, 'requires'], `${name}: the records required`, a.requires, b.requires, record);
  push('stages', [...at, 'canResolve'], `${name}: whether a case may be resolved here`, String(a.canResolve), String(b.canResolve));
  push('stages', [...at, 'next'], `${name}: whether it escalates to the next stage`, str(a.next), str(b.next));
  const skips = (s: Stage): string =>
    list(s.skips.map((k) => `may skip to ${k.to}${k.when ? ` when ${k.when}` : ''}${k.if ? ` if ${ifWords(k.if, names)}` : ''}`));
  push('stages', [...at, 'skips'], `${name}: the skips`, skips(a), skips(b));
  const entry = (s: Stage): string | undefined => s.entry && `a case may open here${s.entry.when ? ` when ${s.entry.when}` : ''}`;
  push('stages', [...at, 'entry'], `${name}: direct entry`, entry(a), entry(b));
  const requiresIf = (s: Stage): string | undefined =>
    s.requiresIf?.length ? list(s.requiresIf.map((r) => `${record(r.record)} if ${ifWords(r.if, names)}`)) : undefined;
  push('stages', [...at, 'requiresIf'], `${name}: the records required on a condition`, requiresIf(a), requiresIf(b));
  // #12 part B: a path condition on entry.
  const after = (s: Stage): string | undefined => s.onlyAfter && `only after the case was at ${s.onlyAfter.stages.join(', ')}`;
  push('stages', [...at, 'onlyAfter'], `${name}: the stages a case must have been at first`, after(a), after(b));
  obligations(push, cite, names, at, name, a.obligations, b.obligations);
  const key = (v: Variant): string => [v.subjects?.join('+'), v.if && `if ${ifWords(v.if, names)}`].filter(Boolean).join(' ');
  const va = new Map(a.variants.map((v) => [key(v), v]));
  const vb = new Map(b.variants.map((v) => [key(v), v]));
  for (const k of new Set([...va.keys(), ...vb.keys()])) {
    const [x, y] = [va.get(k), vb.get(k)];
    const where = [...at, 'variants', k];
    if (x && y) members(push, [...where, 'owners'], `${name}, for ${k}: the owners`, x.owners, y.owners, role);
    else push('stages', where, `${name}: the variant for ${k}`, x && list(x.owners.map(role)), y && list(y.owners.map(role)));
    obligations(push, cite, names, where, `${name}, for ${k}`, x?.obligations ?? [], y?.obligations ?? []);
  }
  cite(at, name, a.source, b.source);
}

function obligations(
  push: Push,
  cite: (p: readonly string[], w: string, a?: Citation, b?: Citation) => void,
  names: Protocol,
  at: readonly string[],
  name: string,
  before: readonly Obligation[],
  after: readonly Obligation[],
): void {
  pair(before, after, (id, a, b) => {
    const where = [...at, 'obligations', id];
    if (!a || !b)
      return push('stages', where, `${name}: obligation "${id}"`, a && obligationWords(a, names), b && obligationWords(b, names));
    const what = `${name}: the timescale of "${b.action}"`;
    push('stages', [...where, 'due'], what, words(a.due, names), words(b.due, names));
    push('stages', [...where, 'action'], `${name}: the action of "${id}"`, a.action, b.action);
    if (a.owners === undefined && b.owners === undefined)
      push('stages', [...where, 'owner'], `${name}: the owner of "${b.action}"`, roleTitle(names, a.owner!), roleTitle(names, b.owner!));
    obligationParts(push, names, where, `${name}, "${b.action}"`, a, b);
    push('stages', [...where, 'record'], `${name}: the record that meets "${b.action}"`, a.record, b.record);
    // #12 part B: a repeating duty.
    push('stages', [...where, 'every'], `${name}: how often "${b.action}" recurs`, a.every, b.every);
    push('stages', [...where, 'until'], `${name}: what stops "${b.action}" recurring`, a.until, b.until);
    cite(where, `${name}, "${b.action}"`, a.source, b.source);
    cite(
      [...where, 'due'],
      `${name}, the timescale of "${b.action}"`,
      (a.due as { source?: Citation }).source,
      (b.due as { source?: Citation }).source,
    );
  });
}

const str = (v: unknown): string | undefined => (v === undefined ? undefined : String(v));
const words = (t: unknown, p: Protocol): string | undefined => (t === undefined ? undefined : timescaleInWords(t as Timescale, p));
const quoteOf = (c: Citation): string => `${c.section ? `${c.section}: ` : ''}“${c.quote}”`;
const roleTitle = (p: Protocol, id: string): string => p.roles.find((r) => r.id === id)?.title ?? id;
const roleWords = (r: Role): string => `${r.title} (${r.side} side)`;
const recordWords = (r: RecordType): string =>
  `${r.title}, a ${r.kind}${r.noChildOrFamilyDetails ? ', with no details of any child or family' : ''}${r.fields?.length ? `; fields: ${r.fields.map((f) => f.label).join('; ')}` : ''}${r.attendance ? `; ${attendanceInWords(r.attendance)}` : ''}`;
const obligationWords = (o: Obligation, p: Protocol): string =>
  `${o.action} (${ownersInWords(o, p)}), ${timescaleInWords(o.due as Timescale, p)}`;
const bypassWords = (r: BypassRule, p: Protocol): string =>
  `when ${r.trigger}: ${r.action} (${roleTitle(p, r.owner)}), ${timescaleInWords(r.due as Timescale, p)}; ${effectInWords(r, p)}`;
