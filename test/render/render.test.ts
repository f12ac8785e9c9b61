import { describe, expect, it } from 'vitest';
import { BUNDLED_PROTOCOL_IDS, getProtocol, renderMarkdown, renderMermaid, timescaleInWords } from '../../src/index.js';
import type { Timescale } from '../../src/time/timescale.js';
import { fixture } from '../engine/_fixture.js';

describe('renderMermaid', () => {
  it.each(BUNDLED_PROTOCOL_IDS)('%s: one node per stage and bypass rule, an edge for each escalation and skip', (id) => {
    const protocol = getProtocol(id);
    const source = renderMermaid(protocol);
    expect(source.startsWith('flowchart TD\n')).toBe(true);
    protocol.stages.forEach((_, i) => expect(source.match(new RegExp(`^  s${i + 1}\\[`, 'gm'))).toHaveLength(1));
    protocol.bypass.forEach((_, b) => expect(source.match(new RegExp(`^  b${b + 1}\\[`, 'gm'))).toHaveLength(1));
    const skips = protocol.stages.reduce((n, s) => n + s.skips.length, 0);
    expect(source.match(/-\.->\|skip\|/g) ?? []).toHaveLength(skips);
  });

  it('draws skips, direct entries, jumps and exits (fixture)', () => {
    const source = renderMermaid(fixture);
    expect(source).toContain('  s3 -.->|skip| s5');
    expect(source).toContain('  b2 --> s3');
    expect(source).toMatch(/ {2}b3 --> x3\[\/"Child protection procedures"\/\]/);
    expect(source).toContain('<i>Due within 2 working days of the<br/>disagreement arising</i>');
  });

  it('draws variants as branches by subject, and the start from the document', () => {
    const source = renderMermaid(fixture);
    expect(source).toContain('  s5 -->|for a child| s5v1');
    expect(source).toContain('  s5 -->|for an adult| s5v2');
    expect(source).toMatch(/ {2}s5v\d -->\|unresolved\| s6/);
    expect(source).toMatch(/^ {2}start\(\["<b>Fixture procedure<\/b>/m);
    expect(source).not.toContain('Disagreement arises');
  });

  it('escapes quotes and angle brackets in labels', () => {
    const source = renderMermaid({
      ...fixture,
      stages: [{ ...fixture.stages[0]!, title: 'A "quoted" <b>title</b>' }, ...fixture.stages.slice(1)],
    });
    expect(source).toContain('A #quot;quoted#quot; #lt;b#gt;title#lt;/b#gt;');
  });

  it('a protocol without bypass rules has no bypass styling', () => {
    expect(renderMermaid({ ...fixture, bypass: [] })).not.toContain('classDef bypass');
  });
});

// The grammar of the file must not leak into the pictures (issue #17): a policy author reads words.
const GRAMMAR = [/\b\d+(wd|h|d|w|mo)\b/, /sameWorkingDay/, /within immediately/i, /earliestOf|stageEntered|completed:|record:/];
const text = (source: string): string => source.replace(/<br\/>/g, ' ').replace(/<\/?(b|i|small)>/g, '');

describe.each(BUNDLED_PROTOCOL_IDS)('the %s flowchart, in words', (id) => {
  const protocol = getProtocol(id);
  const source = renderMermaid(protocol);
  const labels = text(source);

  it('has no grammar token', () => {
    for (const token of GRAMMAR) expect(labels).not.toMatch(token);
  });

  it('shows every owner, trigger and required record whole (nothing is cut)', () => {
    expect(source).not.toContain('…');
    const whole = (words: string): string => words.replace(/"/g, '#quot;').replace(/\s+/g, ' ');
    for (const stage of protocol.stages) {
      const line = labels.split('\n').find((l) => l.startsWith(`  s${protocol.stages.indexOf(stage) + 1}[`))!;
      for (const owner of stage.owners) expect(line).toContain(whole(protocol.roles.find((r) => r.id === owner)!.title));
      for (const record of stage.requires) expect(line).toContain(whole(protocol.records.find((r) => r.id === record)!.title));
    }
    for (const rule of protocol.bypass) expect(labels).toContain(whole(rule.trigger));
  });

  it('writes every timescale as the Markdown page words it', () => {
    for (const stage of protocol.stages)
      for (const o of stage.obligations)
        expect(labels.toLowerCase()).toContain(
          timescaleInWords(o.due as Timescale, protocol)
            .replace(/"/g, '#quot;')
            .replace(/\s+/g, ' ')
            .toLowerCase(),
        );
  });
});

describe('renderMarkdown', () => {
  it('has the summary, the flowchart, a row per stage and a row per bypass rule', () => {
    const page = renderMarkdown(getProtocol('swindon'));
    expect(page).toMatch(/^# Swindon Safeguarding Partnership: /);
    expect(page).toContain('```mermaid\nflowchart TD');
    for (const stage of getProtocol('swindon').stages) expect(page).toContain(`| **${stage.title}**`);
    expect(page).toContain('## Immediate risk and other bypass rules');
    expect(page).toContain('within 2 working days of the disagreement arising');
  });
});

describe('timescaleInWords', () => {
  it('reads as a policy author would say it', () => {
    expect(timescaleInWords({ within: '5wd', from: 'completed:stage-1' }, fixture)).toBe(
      'within 5 working days of the completion of Internal',
    );
    expect(timescaleInWords({ target: { within: '24h' }, limit: { within: '5wd' } }, fixture)).toBe(
      'within 24 hours of the start of the stage (target), and no later than 5 working days after the start of the stage',
    );
    expect(
      timescaleInWords(
        { earliestOf: [{ within: '10wd', from: 'disagreement' }, { none: 'in a timescale which keeps the child safe' }] },
        fixture,
      ),
    ).toBe(
      'whichever is sooner: within 10 working days of the disagreement arising; or no number given: "in a timescale which keeps the child safe"',
    );
    expect(timescaleInWords({ within: 'sameWorkingDay', from: 'bypassed' }, fixture)).toBe(
      'the same working day as the rule being invoked',
    );
  });
});
