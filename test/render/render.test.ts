import { describe, expect, it } from 'vitest';
import {
  BUNDLED_PROTOCOL_IDS,
  getProtocol,
  renderMarkdown,
  renderMermaid,
  renderTimeline,
  timescaleInWords,
  type Protocol,
} from '../../src/index.js';
import type { Timescale } from '../../src/time/timescale.js';
import { fixture } from '../engine/_fixture.js';
import { everyConstruct } from './_everyConstruct.js';

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

// The bundled protocols, and a fixture using every construct of protocol language 2 (#12).
const CHARTS: [string, Protocol][] = [
  ...BUNDLED_PROTOCOL_IDS.map((id): [string, Protocol] => [id, getProtocol(id)]),
  ['every-construct', everyConstruct],
];

describe.each(CHARTS)('the %s flowchart, in words', (_, protocol) => {
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

// #12: each construct of protocol language 2 is drawn, in the words the Markdown page uses.
describe('the flowchart draws every construct (#12)', () => {
  const source = renderMermaid(everyConstruct);
  const labels = text(source);
  const node = (id: string): string => labels.split('\n').find((l) => l.startsWith(`  ${id}[`) || l.startsWith(`  ${id}(`))!;

  it('scope exclusions in the start node', () => {
    expect(node('start')).toContain('Not covered: This does not replace the complaints process.');
  });
  it('a role whose side the document does not state, without inventing one', () => {
    expect(node('s1')).toContain('Side not stated: Designated safeguarding lead');
    // The raising side's group holds the practitioner alone: the lead is not put on any side.
    expect(node('s1')).toContain('Raising side: Practitioner Side not stated: Designated safeguarding lead Due');
  });
  it('duties of each party or of several together, and their verb (should, may)', () => {
    expect(node('s1')).toContain('(each of: Practitioner; Receiving manager)');
    expect(node('s1')).toContain('within 3 working days of the start of the stage (may: never overdue)');
    expect(node('s2')).toContain('(together: Practitioner and Receiving manager) (should)');
  });
  it("the partnership's working assumption, beside the document's words", () => {
    expect(node('s1')).toContain(
      "No number given: #quot;urgently#quot;; the partnership's working assumption: within 1 working day of the start of the stage",
    );
  });
  it('a repeating duty, an aim with no limit, and a moment not before', () => {
    expect(node('s1')).toContain('again every 1 calendar day until the Disagreement log');
    expect(node('s1')).toContain('Aim: within 24 hours of the disagreement arising (a target only; the document sets no limit)');
    expect(node('s3')).toContain('Due at 6 weeks after the Panel meeting, not before');
  });
  it('a path condition on entry, conditions on obligations and records, and who must attend', () => {
    expect(node('s3')).toContain('Entered only after Stage 1: Discussion; Stage 2: Managers');
    expect(node('s2')).toContain('only if #quot;Priority#quot; is #quot;high#quot;');
    expect(node('s3')).toContain('Written confirmation of the outcome, only if Stage 2: Managers was used');
    expect(node('s3')).toContain(
      'Panel meeting (attended by at least 2 agencies besides the two in the disagreement and the Partnership chair; independently chaired)',
    );
  });
  it('duties arising from what happens, one node each, with their verb', () => {
    expect(source.match(/^ {2}a\d+\[/gm)).toHaveLength(everyConstruct.arising!.length);
    expect(node('a1')).toContain('When the case is resolved at Stage 3: Panel');
    expect(node('a2')).toContain('Practitioner: Tell the lead (should)');
    expect(node('a3')).toContain('together: Practitioner and Receiving manager: Share the learning');
  });
  it('names roles by title, never by id', () => {
    expect(labels).not.toMatch(/\bthe chair\b|\blead\b,/);
  });
});

describe('renderTimeline draws the duties beside the stages (#12)', () => {
  const source = renderTimeline(everyConstruct, { from: '2026-12-21' });
  const line = (action: string): string => source.split('\n').find((l) => l.trimStart().startsWith(action))!;

  it('leaves the stages as the plan dates them', () => {
    expect(source).toContain('Stage 3 – due 2027-02-25 (working day 45) :s3, 2026-12-30, 2027-02-25');
  });
  it('a not-before moment is a milestone', () => {
    expect(line('Check progress')).toBe('  Check progress – at 2027-02-25, not before :milestone, d7, 2027-02-25, 0d');
  });
  it('an aim is an active bar ending at the aim, marked as an aim', () => {
    expect(line('Respond')).toBe('  Respond – aim 2026-12-22 (an aim, no limit) :active, d3, 2026-12-21, 2026-12-22');
  });
  it("the partnership's assumption is a done bar marked as assumed", () => {
    expect(line('Refer urgently')).toMatch(
      /^ {2}Refer urgently – 2026-12-22 \(assumed – the partnership's working assumption[^:]*:done, d1, 2026-12-21, 2026-12-22$/,
    );
  });
  it('a repeating duty says how it recurs; conditional and arising duties what they are owed only if', () => {
    expect(line('Visit the child')).toContain('first due 2026-12-22, then again every 1 calendar day until the Disagreement log');
    expect(line('Act at once')).toContain('owed only if "Priority" is "high"');
    expect(line('Confirm the agreed outcome')).toContain(
      'due 2027-03-01, owed only when the case is resolved at Stage 3 – Panel – measured from it',
    );
  });
  it('leaves a duty the plan cannot date to the page', () => {
    expect(source).not.toContain('Share the learning');
  });
  it('a protocol without such duties has no section for them', () => {
    expect(renderTimeline(getProtocol('north-yorkshire'), { from: '2026-12-21' })).not.toContain('Other duties');
  });
});

describe('renderMarkdown shows who must attend a meeting (#12)', () => {
  it('in the records table', () => {
    expect(renderMarkdown(everyConstruct)).toMatch(
      /\| Panel meeting — attended by at least 2 agencies besides the two in the disagreement and the Partnership chair; independently chaired \| meeting \|/,
    );
  });
});
