import { allowsNext } from '../protocol/check.js';
import type { Protocol, Stage } from '../protocol/schema.js';
import type { Timescale } from '../time/timescale.js';

// Mermaid labels are quoted strings; these characters would end or confuse them.
const label = (text: string): string => text.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));

const stageNode = (index: number): string => `s${index + 1}`;

const shorten = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** The numeric limits of a timescale, compactly (`5wd`, `24h`); words-only parts are left to the Markdown table. */
function limits(t: Timescale): string[] {
  if ('within' in t) return [t.within];
  if ('earliestOf' in t) return t.earliestOf.flatMap(limits);
  if ('limit' in t) return limits(t.limit);
  return [];
}

function stageLabel(protocol: Protocol, stage: Stage): string {
  const roles = new Map(protocol.roles.map((r) => [r.id, r.title]));
  const owners = stage.owners.length
    ? stage.owners.map((id) => shorten(roles.get(id) ?? id, 40)).join(', ')
    : stage.variants.map((v) => `${v.subjects.join('/')}: ${v.owners.map((id) => shorten(roles.get(id) ?? id, 40)).join(', ')}`).join('; ');
  const numbers = [
    ...new Set([...stage.obligations, ...stage.variants.flatMap((v) => v.obligations ?? [])].flatMap((o) => limits(o.due as Timescale))),
  ];
  return [
    `<b>${label(stage.title)}</b>`,
    label(shorten(owners, 160)),
    numbers.length ? `<i>within ${label(numbers.join(' / '))}</i>` : '<i>no number given</i>',
  ].join('<br/>');
}

/**
 * A Mermaid flowchart of a protocol: the stages with their owners and numeric limits, the escalation
 * path ("unresolved"), the skips the document allows (dashed), direct entries, and the bypass rules
 * for immediate risk with where each leads. A case may be resolved at any stage unless the stage
 * says otherwise, so resolution is left to the Markdown table rather than drawn as an edge from
 * every box. The CLI's `diagram` command and the generated docs use it.
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
  const lines = ['flowchart TD', `  start(["${label('Disagreement arises')}"])`];
  const { stages } = protocol;
  const index = new Map(stages.map((s, i) => [s.id, i]));
  stages.forEach((stage, i) => lines.push(`  ${stageNode(i)}["${stageLabel(protocol, stage)}"]`));
  stages.forEach((stage, i) => {
    if (i === 0 || stage.entry) lines.push(`  start --> ${i === 0 ? '' : '|direct entry| '}${stageNode(i)}`);
  });
  stages.forEach((stage, i) => {
    if (allowsNext(protocol, i)) lines.push(`  ${stageNode(i)} -->|unresolved| ${stageNode(i + 1)}`);
    for (const skip of stage.skips) lines.push(`  ${stageNode(i)} -.->|skip| ${stageNode(index.get(skip.to)!)}`);
  });
  protocol.bypass.forEach((rule, b) => {
    const node = `b${b + 1}`;
    const when = limits(rule.due as Timescale)[0] ?? ('none' in rule.due && typeof rule.due.none === 'string' ? rule.due.none : '');
    lines.push(
      `  ${node}["${label(shorten(rule.trigger, 70))}<br/><i>${label(shorten(`${when ? `${when}: ` : ''}${rule.action}`, 90))}</i>"]`,
    );
    lines.push(`  start -.->|${label('at any stage')}| ${node}`);
    if (rule.effect.type === 'jumpTo') lines.push(`  ${node} --> ${stageNode(index.get(rule.effect.stage)!)}`);
    if (rule.effect.type === 'exitTo') lines.push(`  ${node} --> x${b + 1}[/"${label(shorten(rule.effect.procedure, 70))}"/]`);
  });
  if (protocol.bypass.length) {
    lines.push('  classDef bypass fill:#fde2e2,stroke:#b42318;', `  class ${protocol.bypass.map((_, b) => `b${b + 1}`).join(',')} bypass;`);
  }
  return `${lines.join('\n')}\n`;
}
