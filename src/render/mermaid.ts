import type { Protocol, Stage } from '../protocol/schema.js';
import { timescaleInGrammar } from '../protocol/words.js';
import type { Timescale } from '../time/timescale.js';

// Mermaid labels are quoted strings; these characters would end or confuse them.
const label = (text: string): string => text.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));

const stageNode = (index: number): string => `s${index + 1}`;

function stageLabel(protocol: Protocol, stage: Stage): string {
  const roles = new Map(protocol.roles.map((r) => [r.id, r.title]));
  const owners = stage.owners.length
    ? stage.owners.map((id) => roles.get(id) ?? id).join(', ')
    : stage.variants.map((v) => `${v.subjects.join('/')}: ${v.owners.map((id) => roles.get(id) ?? id).join(', ')}`).join('; ');
  const limits = [...stage.obligations, ...stage.variants.flatMap((v) => v.obligations ?? [])].map((o) => timescaleInGrammar(o.due as Timescale));
  const unique = [...new Set(limits)];
  return [`<b>${label(stage.title)}</b>`, label(owners), unique.length ? `<i>${label(unique.join('; '))}</i>` : ''].filter(Boolean).join('<br/>');
}

/**
 * A Mermaid flowchart of a protocol: the stages with their owners and limits, the escalation path,
 * the skips the document allows (dashed), where a case may be resolved, and the bypass rules for
 * immediate risk with where each leads. The CLI's `diagram` command and the generated docs use it.
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
  stages.forEach((stage, i) => lines.push(`  ${stageNode(i)}["${stageLabel(protocol, stage)}"]`));
  lines.push(`  resolved(["${label('Resolved')}"])`);
  const entries = stages.map((s, i) => (i === 0 || s.entry ? i : -1)).filter((i) => i >= 0);
  for (const i of entries) lines.push(`  start --> ${i === 0 ? '' : '|direct entry| '}${stageNode(i)}`);
  stages.forEach((stage, i) => {
    const next = stage.next ?? i < stages.length - 1;
    if (next && i < stages.length - 1) lines.push(`  ${stageNode(i)} -->|unresolved| ${stageNode(i + 1)}`);
    for (const skip of stage.skips) {
      const target = stages.findIndex((s) => s.id === skip.to);
      lines.push(`  ${stageNode(i)} -.->|skip| ${stageNode(target)}`);
    }
    if (stage.canResolve) lines.push(`  ${stageNode(i)} -.- resolved`);
  });
  protocol.bypass.forEach((rule, b) => {
    const node = `b${b + 1}`;
    lines.push(`  ${node}{{"${label(`${rule.trigger}: ${rule.action}`)}<br/><i>${label(timescaleInGrammar(rule.due as Timescale))}</i>"}}`);
    lines.push(`  start -.->|${label('at any stage')}| ${node}`);
    if (rule.effect.type === 'jumpTo') lines.push(`  ${node} --> ${stageNode(stages.findIndex((s) => s.id === (rule.effect as { stage: string }).stage))}`);
    if (rule.effect.type === 'exitTo') lines.push(`  ${node} --> x${b + 1}[/"${label(rule.effect.procedure)}"/]`);
  });
  lines.push('  classDef bypass fill:#fde2e2,stroke:#b42318;', `  class ${protocol.bypass.map((_, b) => `b${b + 1}`).join(',') || 'start'} bypass;`);
  return `${lines.join('\n')}\n`;
}
