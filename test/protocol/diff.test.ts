import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_PROTOCOL_IDS, diffProtocols, getProtocol, parseProtocolOrThrow, renderDiff } from '../../src/index.js';

const croydonInput = () => JSON.parse(readFileSync(join(import.meta.dirname, '../../protocols/croydon.json'), 'utf8'));

describe('diffProtocols', () => {
  it('names the change of Croydon stage 1 from 7 to 3 working days', () => {
    const proposed = croydonInput();
    proposed.stages[0].obligations[0].due.within = '3wd';
    const changes = diffProtocols(getProtocol('croydon'), parseProtocolOrThrow(proposed));
    expect(changes).toEqual([
      expect.objectContaining({
        area: 'stages',
        change: 'changed',
        path: ['stages', 'stage-1', 'obligations', 'stage-1-discussion', 'due'],
        before: 'within 7 working days of the start of the stage',
        after: 'within 3 working days of the start of the stage',
      }),
    ]);
    const paper = renderDiff(getProtocol('croydon'), parseProtocolOrThrow(proposed));
    expect(paper).toContain('## Stages, owners and timescales');
    expect(paper).toContain(
      'changed from "within 7 working days of the start of the stage" to "within 3 working days of the start of the stage"',
    );
  });

  it.each(BUNDLED_PROTOCOL_IDS)('%s against itself: no change', (id) => {
    expect(diffProtocols(getProtocol(id), getProtocol(id))).toEqual([]);
    expect(renderDiff(getProtocol(id), getProtocol(id))).toContain('The two versions say the same');
  });

  it('words owners, records, rules, scope and citations, and renames once', () => {
    const p = croydonInput();
    p.version = '2026-12';
    p.scope.region = 'scotland';
    p.roles[0].title = 'Front line practitioner';
    p.stages[1].owners = p.stages[1].owners.slice(1);
    p.stages[1].requires = [...p.stages[1].requires, 'multi-agency-meeting'];
    p.stages[2].source.quote = 'A new sentence.';
    p.records = p.records.filter((r: { id: string }) => r.id !== 'appendix-a');
    for (const s of p.stages) s.requires = s.requires.filter((r: string) => r !== 'appendix-a');
    for (const s of p.stages) s.obligations = s.obligations.filter((o: { record?: string }) => o.record !== 'appendix-a');
    p.bypass[0].effect = { type: 'addObligation' };
    const changes = diffProtocols(getProtocol('croydon'), parseProtocolOrThrow(p));
    const summaries = changes.map((c) => c.summary);
    expect(summaries).toContain('"version" changed from "2018-11" to "2026-12"');
    expect(summaries).toContain('The bank holidays (region) changed from "england-and-wales" to "scotland"');
    expect(changes.filter((c) => c.area === 'roles')).toHaveLength(1);
    expect(summaries.find((s) => s.startsWith('Stage 2') && s.includes('the owners'))).toMatch(/: removed /);
    expect(summaries.find((s) => s.startsWith('Stage 2') && s.includes('records required'))).toMatch(/: added /);
    expect(changes.find((c) => c.area === 'records' && c.change === 'removed')?.path).toEqual(['records', 'appendix-a']);
    expect(changes.find((c) => c.area === 'bypass')?.after).toContain('an urgent duty beside the process');
    expect(changes.find((c) => c.area === 'citations')).toMatchObject({
      path: ['stages', 'stage-3', 'source'],
      after: expect.stringContaining('A new sentence.'),
    });
  });
});
