import { allowsNext } from '../protocol/check.js';
import type { Obligation, Protocol, Role, Stage, Variant } from '../protocol/schema.js';
import {
  arisingInWords,
  attendanceInWords,
  conditionInWords,
  effectInWords,
  modalityInWords,
  ownersInWords,
  repeatInWords,
  timescaleInWords,
} from '../protocol/words.js';
import type { Timescale } from '../time/timescale.js';
import { escapeLabel, wrapped } from './_label.js';

// About 44 characters a line keeps a stage box narrow enough that GitHub's page width (about 900
// pixels for a chart) shows the column of stages at full size.
const WIDTH = 44;
const WRAPPING_PX = 420;
const SIDES: readonly [Role['side'], string][] = [
  ['raising', 'Raising side'],
  ['receiving', 'Receiving side'],
  ['independent', 'Independent'],
  // #12 part B: a role whose side the document does not state is grouped as such, never given a side.
  ['unstated', 'Side not stated'],
];

const stageNode = (index: number): string => `s${index + 1}`;
const plural = (subjects: readonly string[]): string =>
  subjects.map((s) => (s === 'child' ? 'a child' : s === 'adult' ? 'an adult' : 'a care leaver')).join(' or ');

/** The owners, whole, grouped by the side they are on, so the raising and receiving sides read apart. */
function ownerLines(protocol: Protocol, owners: readonly string[]): string[] {
  const roles = protocol.roles.filter((r) => owners.includes(r.id));
  return SIDES.flatMap(([side, heading]) => {
    const titles = roles.filter((r) => r.side === side).map((r) => r.title);
    return titles.length ? [wrapped(`${heading}: ${titles.join('; ')}`, WIDTH)] : [];
  });
}

/** "Due within ...", "Aim: ...", or the document's own words where it gives no number. */
const due = (words: string): string =>
  words.startsWith('no number') || words.startsWith('aim') ? `${words[0]!.toUpperCase()}${words.slice(1)}` : `Due ${words}`;

/**
 * An obligation's timescale in the words the Markdown page uses, with what else the page says of it
 * (#12): how it repeats, what it is owed only if, who owes it when several do, and its verb.
 */
function dueWords(protocol: Protocol, o: Obligation): string {
  const every = repeatInWords(o, protocol);
  return [
    due(timescaleInWords(o.due as Timescale, protocol)),
    every && `, ${every}`,
    o.if && `, only if ${conditionInWords(o.if, protocol)}`,
    o.owners && ` (${ownersInWords(o, protocol)})`,
    modalityInWords(o.modality),
  ].join('');
}

/** Each distinct line of the obligations' timescales. */
function dueLines(protocol: Protocol, obligations: readonly Obligation[]): string[] {
  const words = [...new Set(obligations.map((o) => dueWords(protocol, o)))];
  return words.map((w) => `<i>${wrapped(w, WIDTH)}</i>`);
}

/** A record by title, with who must attend it (#12 part B). */
function recordWords(protocol: Protocol, id: string): string {
  const record = protocol.records.find((r) => r.id === id);
  const attendance = record?.attendance && attendanceInWords(record.attendance, protocol);
  return `${record?.title ?? id}${attendance ? ` (${attendance})` : ''}`;
}

/** The records required, those required only if a condition holds, and any meeting whose attendance an obligation's record sets. */
function recordLines(protocol: Protocol, stage: Stage): string[] {
  const attended = stage.obligations
    .map((o) => o.record)
    .filter((id): id is string => id !== undefined && !stage.requires.includes(id))
    .filter((id) => protocol.records.find((r) => r.id === id)?.attendance !== undefined);
  const titles = [
    ...[...stage.requires, ...new Set(attended)].map((id) => recordWords(protocol, id)),
    ...(stage.requiresIf ?? []).map((r) => `${recordWords(protocol, r.record)}, only if ${conditionInWords(r.if, protocol)}`),
  ];
  return titles.length ? [`<small>${wrapped(`Records: ${titles.join('; ')}`, WIDTH)}</small>`] : [];
}

/** #12 part B: the stages a case must have been at before it may enter this one. */
function onlyAfterLines(protocol: Protocol, stage: Stage): string[] {
  if (!stage.onlyAfter) return [];
  const titles = stage.onlyAfter.stages.map((id) => protocol.stages.find((s) => s.id === id)?.title ?? id);
  return [`<small>${wrapped(`Entered only after ${titles.join('; ')}`, WIDTH)}</small>`];
}

function stageLabel(protocol: Protocol, stage: Stage): string {
  return [
    `<b>${wrapped(stage.title, WIDTH)}</b>`,
    ...onlyAfterLines(protocol, stage),
    ...ownerLines(protocol, stage.owners),
    ...dueLines(protocol, stage.obligations),
    ...recordLines(protocol, stage),
  ].join('<br/>');
}

/** #12: whom or when a variant is for: its subjects, its condition, or both. */
function variantFor(protocol: Protocol, variant: Variant): string {
  const parts = [variant.subjects && plural(variant.subjects), variant.if && `if ${conditionInWords(variant.if, protocol)}`];
  return parts.filter(Boolean).join(', ');
}

function variantLabel(protocol: Protocol, variant: Variant): string {
  return [
    `<b>${wrapped(variant.title ?? `For ${variantFor(protocol, variant)}`, WIDTH)}</b>`,
    ...ownerLines(protocol, variant.owners),
    ...dueLines(protocol, variant.obligations ?? []),
  ].join('<br/>');
}

/** The start, from the document: its title, whom it covers, and what must happen first. */
function startLabel(protocol: Protocol): string {
  const { scope } = protocol;
  const whom = scope.subjects.map((s) =>
    s === 'careLeaver'
      ? `care leavers${scope.careLeaversUpToAge ? ` up to ${scope.careLeaversUpToAge}` : ''}`
      : `${s}ren`.replace('adultren', 'adults'),
  );
  return [
    `<b>${wrapped(protocol.title, WIDTH)}</b>`,
    wrapped(`A disagreement between professionals about ${whom.join(', ')}`, WIDTH),
    ...scope.preconditions.map(
      (p) => `<small>${wrapped(`${p.modality === 'should' ? 'Advised first' : 'First'}: ${p.description}`, WIDTH + 16)}</small>`,
    ),
    // #12 part B: what the procedure does not replace or cover.
    ...(scope.excludes ?? []).map((x) => `<small>${wrapped(`Not covered: ${x.description}`, WIDTH + 16)}</small>`),
  ].join('<br/>');
}

/**
 * A Mermaid flowchart of a protocol, in words: the start as the document frames it, each stage with
 * its owners (by side, never shortened), its timescales in the words of {@link timescaleInWords}
 * (targets with their limits, the document's own words where it gives no number) and its required
 * records; variants drawn as branches by subject; the escalation path ("unresolved"), the skips the
 * document allows (dashed), direct entries, and the bypass rules with their effect. A case may be
 * resolved at any stage unless the stage says otherwise, so resolution is left to the Markdown table
 * rather than drawn as an edge from every box. Protocol language 2 (#12) is drawn in the same words:
 * repeats, conditions, several owners and `should`/`may` beside each timescale, "Entered only after"
 * for a path condition, "Not covered" exclusions in the start box, "Side not stated" owners, who
 * must attend a meeting, and each duty arising from what happens as a box of its own. The CLI's `diagram` command and the generated docs use it.
 *
 * @param protocol - a parsed protocol
 * @returns Mermaid source, starting `flowchart TD`
 * @example
 * ```ts
 * const source = renderMermaid(getProtocol('swindon'));
 * // paste into a ```mermaid block on GitHub, or render with mermaid-cli
 * ```
 */
export function renderMermaid(protocol: Protocol): string {
  // Mermaid wraps a label again at its own width (200 pixels by default), which would break the
  // lines made here a second time; a wider wrapping width leaves them as written.
  const lines = ['flowchart TD', `  %%{init: {"flowchart": {"wrappingWidth": ${WRAPPING_PX}}}}%%`, `  start(["${startLabel(protocol)}"])`];
  const { stages } = protocol;
  const index = new Map(stages.map((s, i) => [s.id, i]));
  // Where a stage's routes leave from: the stage itself, or each of its variants.
  const exits = stages.map((stage, i) =>
    stage.variants.length ? stage.variants.map((_, v) => `${stageNode(i)}v${v + 1}`) : [stageNode(i)],
  );
  stages.forEach((stage, i) => {
    lines.push(`  ${stageNode(i)}["${stageLabel(protocol, stage)}"]`);
    stage.variants.forEach((variant, v) => {
      lines.push(`  ${stageNode(i)}v${v + 1}["${variantLabel(protocol, variant)}"]`);
      lines.push(`  ${stageNode(i)} -->|${escapeLabel(`for ${variantFor(protocol, variant)}`)}| ${stageNode(i)}v${v + 1}`);
    });
  });
  stages.forEach((stage, i) => {
    if (i === 0 || stage.entry) lines.push(`  start --> ${i === 0 ? '' : '|direct entry| '}${stageNode(i)}`);
  });
  stages.forEach((stage, i) => {
    for (const from of exits[i]!) {
      if (allowsNext(protocol, i)) lines.push(`  ${from} -->|unresolved| ${stageNode(i + 1)}`);
      for (const skip of stage.skips) {
        const label = skip.if ? escapeLabel(`skip if ${conditionInWords(skip.if, protocol)}`) : 'skip';
        lines.push(`  ${from} -.->|${label}| ${stageNode(index.get(skip.to)!)}`);
      }
    }
  });
  protocol.bypass.forEach((rule, b) => {
    const node = `b${b + 1}`;
    const owner = protocol.roles.find((r) => r.id === rule.owner)?.title ?? rule.owner;
    const label = [
      `<b>${wrapped(rule.trigger, WIDTH - 4)}</b>`,
      wrapped(`${owner}: ${rule.action}`, WIDTH + 6),
      `<i>${wrapped(due(timescaleInWords(rule.due as Timescale, protocol)), WIDTH + 6)}</i>`,
      `<small>${wrapped(`Effect: ${effectInWords(rule, protocol)}`, WIDTH + 6)}</small>`,
    ];
    lines.push(`  ${node}["${label.join('<br/>')}"]`);
    lines.push(`  start -.->|${escapeLabel('at any stage')}| ${node}`);
    if (rule.effect.type === 'jumpTo') lines.push(`  ${node} --> ${stageNode(index.get(rule.effect.stage)!)}`);
    if (rule.effect.type === 'exitTo') lines.push(`  ${node} --> x${b + 1}[/"${wrapped(rule.effect.procedure, WIDTH)}"/]`);
  });
  // #12 construct 3: duties that arise from what happens, drawn beside the process.
  (protocol.arising ?? []).forEach((a, k) => {
    const label = [
      `<b>${wrapped(
        `${arisingInWords(a.on, protocol).replace(/^\w/, (c) => c.toUpperCase())}${a.if ? `, only if ${conditionInWords(a.if, protocol)}` : ''}`,
        WIDTH,
      )}</b>`,
      wrapped(`${ownersInWords(a, protocol)}: ${a.action}${modalityInWords(a.modality)}`, WIDTH + 6),
      `<i>${wrapped(due(timescaleInWords(a.due as Timescale, protocol).replace('the start of the stage', 'that event')), WIDTH + 6)}</i>`,
    ];
    lines.push(`  a${k + 1}["${label.join('<br/>')}"]`);
  });
  if (protocol.bypass.length) {
    lines.push('  classDef bypass fill:#fde2e2,stroke:#b42318;', `  class ${protocol.bypass.map((_, b) => `b${b + 1}`).join(',')} bypass;`);
  }
  return `${lines.join('\n')}\n`;
}
