import { diffProtocols, type ChangeArea } from '../protocol/diff.js';
import type { Protocol } from '../protocol/schema.js';

const HEADINGS: readonly [ChangeArea, string][] = [
  ['identity', 'Identity and dates'],
  ['scope', 'Scope'],
  ['roles', 'Roles'],
  ['stages', 'Stages, owners and timescales'],
  ['records', 'Records'],
  ['bypass', 'Immediate risk and other bypass rules'],
  ['citations', 'Citations of the document'],
];

const line = (text: string): string => text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>])/g, '\\$1');

/**
 * What changed between two versions of a protocol (see {@link diffProtocols}), as Markdown for the
 * partnership's approval paper: a heading naming both versions, then one bullet per change under
 * the part of the procedure it is in.
 *
 * @param before - the version in force
 * @param after - the proposed version
 * @returns Markdown; says so in words when nothing changed
 * @example
 * ```ts
 * writeFileSync('croydon-changes.md', renderDiff(getProtocol('croydon'), proposed));
 * ```
 */
export function renderDiff(before: Protocol, after: Protocol): string {
  const changes = diffProtocols(before, after);
  const out = [
    `# ${line(after.partnership)}: ${line(after.title)}`,
    '',
    `Changes from version ${line(before.version)} (effective ${before.effectiveFrom}) to version ${line(after.version)} (effective ${after.effectiveFrom}).`,
    '',
  ];
  if (before.id !== after.id) out.push(`Note: the two files have different ids ("${before.id}" and "${after.id}").`, '');
  if (changes.length === 0)
    out.push('The two versions say the same: no stage, owner, timescale, record, rule, scope or citation differs.', '');
  for (const [area, heading] of HEADINGS) {
    const here = changes.filter((c) => c.area === area);
    if (here.length) out.push(`## ${heading}`, '', ...here.map((c) => `- ${line(c.summary)}`), '');
  }
  return out.join('\n');
}
