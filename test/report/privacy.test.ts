// Small-count suppression, the agency log, CSV, and what a report may never contain.

import { describe, expect, it } from 'vitest';
import { agencyLog, agencyLogCsv, csvField, renderReportMarkdown, report, reportCsv, toCsv } from '../../src/index.js';
import { suppress, type Cell } from '../../src/report/_suppress.js';
import { FORBIDDEN, PERIOD, PRIVATE, cases } from './_fixture.js';

describe('small-count suppression (threshold 3: counts 1 and 2 hidden)', () => {
  const r = report(cases, { ...PERIOD, suppressBelow: 3 });
  const p = r.protocols[0]!;

  it('is off by default and states the threshold when on', () => {
    expect(report(cases, PERIOD).suppression).toBeNull();
    expect(r.suppression).toEqual({ threshold: 3 });
    expect(renderReportMarkdown(r)).toContain('Counts from 1 to 2 are suppressed and shown as [c] (threshold 3)');
  });

  it('hides every count of 1 or 2, keeps zeros, and hides statistics of fewer than 3 values', () => {
    // 5 opened: resolved 1, withdrawn 1, exited 1, open 2 are all hidden; 4 hidden parts of a shown total reveal none.
    expect(r.cases).toEqual({ opened: 5, resolved: null, withdrawn: null, exited: null, open: null });
    expect(p.stages).toEqual([
      // stage-1's 5 times are shown; stage-2's 2 are not (nor their median, 90th percentile, maximum).
      { id: 'stage-1', title: 'Practitioners', reached: 5, highest: null, openAt: 0, workingDays: { cases: 5, median: 1, p90: 3, max: 3 } },
      {
        id: 'stage-2',
        title: 'Managers',
        reached: 3,
        highest: null,
        openAt: null,
        workingDays: { cases: null, median: null, p90: null, max: null },
      },
      {
        id: 'stage-3',
        title: 'Partnership',
        reached: null,
        highest: null,
        openAt: null,
        workingDays: { cases: 0, median: null, p90: null, max: null },
      },
    ]);
    expect(p.toResolution).toEqual({ cases: null, median: null, p90: null, max: null });
    expect(p.bypasses).toEqual([{ rule: 'immediate-risk', cases: null }]);
    expect(p.missingRecords.map((m) => m.cases)).toEqual([null, null]);
  });

  it('also hides a count that the total would give away', () => {
    // Receiving agencies: CSC 4 + Health 1 = 5 opened. Health's 1 is hidden; 5 - 4 would reveal it,
    // so CSC's 4 is hidden too (the only other non-zero part of that column).
    expect(r.byReceivingAgency.map((a) => [a.agency, a.opened])).toEqual([
      ['CSC', null],
      ['Health', null],
    ]);
    // Raising agencies: GP 1 + Police 1 + School 3 = 5: two hidden already, so School's 3 stays.
    expect(r.byRaisingAgency.map((a) => [a.agency, a.opened])).toEqual([
      ['GP', null],
      ['Police', null],
      ['School', 3],
    ]);
    // Obligations by side: total 13 = raising 9 + receiving 3 + independent 1 (hidden): the
    // smallest other, receiving's 3, is hidden. Met 4 = raising 3 + receiving 1 (hidden) + 0: raising's 3 is hidden.
    // Met late 3 = 2 + 1 and overdue 3 = 2 + 1: both parts hidden already.
    const sides = [
      { side: 'raising', met: null, metLate: null, overdue: null, open: 0, cancelled: null, total: 9 },
      { side: 'receiving', met: null, metLate: null, overdue: null, open: 0, cancelled: 0, total: null },
      { side: 'independent', met: 0, metLate: 0, overdue: 0, open: null, cancelled: 0, total: null },
    ];
    expect(p.timeliness.bySide).toEqual(sides);
    expect(r.bySide).toEqual(sides);
    expect(p.obligations).toEqual({ met: 4, metLate: 3, overdue: 3, open: null, cancelled: null, total: 13 });
  });

  it('leaves no shown total with exactly one hidden part, in any table', () => {
    // Rebuild each sum the tables show from the published report, and check it.
    const sums: [string, (number | null)[], number | null][] = [];
    const outcomes = ['resolved', 'withdrawn', 'exited', 'open'] as const;
    const states = ['met', 'metLate', 'overdue', 'open', 'cancelled'] as const;
    for (const group of [[r.cases], r.bySubject, r.byRaisingAgency, r.byReceivingAgency, [p.cases]])
      for (const g of group) sums.push(['outcomes', outcomes.map((k) => g[k]), g.opened]);
    for (const t of [
      r.obligations,
      ...r.bySide,
      p.obligations,
      ...p.timeliness.byStage,
      ...p.timeliness.byObligation,
      ...p.timeliness.bySide,
    ])
      sums.push(['states', states.map((k) => t[k]), t.total]);
    for (const k of ['opened', ...outcomes] as const)
      for (const group of [r.bySubject, r.byRaisingAgency, r.byReceivingAgency])
        sums.push([`column ${k}`, group.map((g) => g[k]), r.cases[k]]);
    for (const k of ['total', ...states] as const) {
      sums.push([`side ${k}`, p.timeliness.bySide.map((s) => s[k]), p.obligations[k]]);
      sums.push([`stage ${k}`, p.timeliness.byStage.map((s) => s[k]), p.obligations[k]]);
    }
    sums.push(['highest', p.stages.map((s) => s.highest), p.cases.opened]);
    for (const [name, parts, total] of sums) {
      if (total === null) continue;
      expect(parts.filter((x) => x === null).length, name).not.toBe(1);
    }
  });

  it('the rule, on its own: primary, then secondary until nothing changes', () => {
    const c = (v: number): Cell => ({ v, hidden: false });
    const [a, b, d, total] = [c(2), c(7), c(9), c(18)];
    suppress([a, b, d, total], [{ total, parts: [a, b, d] }], 5);
    // 2 hidden (primary); then the smallest other non-zero part, 7 (secondary).
    expect([a, b, d, total].map((x) => x.hidden)).toEqual([true, true, false, false]);
    const [x, zero, t] = [c(3), c(0), c(3)];
    suppress([x, zero, t], [{ total: t, parts: [x, zero] }], 5);
    expect([x, zero, t].map((y) => y.hidden)).toEqual([true, false, true]);
  });
});

describe('the agency log (Swindon: start date, who the concern was raised with, the outcome)', () => {
  const rows = agencyLog(cases, PERIOD);

  it('one row per case, stage and agency, sorted by agency', () => {
    const csc = rows.filter((r) => r.agency === 'CSC' && r.case === 'A');
    expect(csc).toEqual([
      {
        agency: 'CSC',
        side: 'receiving',
        case: 'A',
        protocol: 'testshire',
        version: '1',
        stage: 'stage-1',
        stageTitle: 'Practitioners',
        started: '2027-02-01',
        raisedWith: 'Other practitioner',
        raisedWithAgency: 'CSC',
        outcome: 'escalated',
        ended: '2027-02-03',
        to: 'stage-2',
      },
      {
        agency: 'CSC',
        side: 'receiving',
        case: 'A',
        protocol: 'testshire',
        version: '1',
        stage: 'stage-2',
        stageTitle: 'Managers',
        started: '2027-02-03',
        raisedWith: 'Other manager',
        raisedWithAgency: 'CSC',
        outcome: 'resolved',
        ended: '2027-02-08',
        to: null,
      },
    ]);
    // School raised A (2 stages), C (1) and E (3); stage 3 has no receiving owner, so the independent chair.
    expect(rows.filter((r) => r.agency === 'School').map((r) => `${r.case} ${r.stage} ${r.raisedWith} ${r.outcome} ${r.to}`)).toEqual([
      'A stage-1 Other practitioner escalated stage-2',
      'A stage-2 Other manager resolved null',
      'C stage-1 Other practitioner exited Child protection procedures',
      'E stage-1 Other practitioner escalated stage-2',
      'E stage-2 Other manager escalated stage-3',
      'E stage-3 Partnership chair open null',
    ]);
    expect([...new Set(rows.map((r) => r.agency))]).toEqual(['CSC', 'GP', 'Health', 'Police', 'School']);
    // 5 counted cases, 1 + 2 + 1 + 1 + 2 + 3 stage visits... A 2, B 2, C 1, D 1, E 3 = 9 visits, two agencies each.
    expect(rows.length).toBe(18);
  });

  it('as CSV: a header row, RFC 4180 quoting, CRLF, and no formulas', () => {
    const csv = agencyLogCsv(rows);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('agency,side,case,protocol,version,stage,stageTitle,started,raisedWith,raisedWithAgency,outcome,ended,to');
    expect(lines[1]).toBe(
      'CSC,receiving,A,testshire,1,stage-1,Practitioners,2027-02-01,Other practitioner,CSC,escalated,2027-02-03,stage-2',
    );
    expect(lines.at(-1)).toBe('');
    expect(lines.length).toBe(rows.length + 2);
    expect(csvField('Health, Leeds')).toBe('"Health, Leeds"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    for (const formula of ['=HYPERLINK("x")', '+1', '-1+1', '@SUM(A1)', '\tx']) expect(csvField(formula).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField(-3)).toBe('-3');
    expect(
      toCsv([
        ['a', null],
        [1, 'b'],
      ]),
    ).toBe('a,\r\n1,b\r\n');
  });

  it('an agency name that is a formula is written as text', () => {
    const evil = cases[0]!.events[0]!;
    const kase = { ...cases[0]!, events: [{ ...evil, raisingAgency: '=cmd|" /C calc"!A0' }, ...cases[0]!.events.slice(1)] };
    const csv = agencyLogCsv(agencyLog([kase], PERIOD));
    expect(csv).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(reportCsv(report([kase], PERIOD))).toContain(`"'=cmd|"" /C calc""!A0"`);
  });
});

describe('privacy: no free text, names or outcome wording unless asked; never a no-details record', () => {
  const everything = (): string =>
    [
      JSON.stringify(report(cases, PERIOD)),
      renderReportMarkdown(report(cases, PERIOD)),
      reportCsv(report(cases, PERIOD)),
      JSON.stringify(agencyLog(cases, PERIOD)),
      agencyLogCsv(agencyLog(cases, PERIOD)),
    ].join('\n');

  it('by default, none of it appears anywhere', () => {
    const text = everything();
    for (const secret of [...Object.values(PRIVATE), ...Object.values(FORBIDDEN), 'later']) expect(text).not.toContain(secret);
  });

  it('asked for, the agency log has them on the right stage; a noChildOrFamilyDetails record still gives nothing', () => {
    const rows = agencyLog(cases, { ...PERIOD, include: { outcomes: true, names: true, notes: true } });
    const a2 = rows.find((r) => r.case === 'A' && r.stage === 'stage-2' && r.agency === 'School')!;
    expect([a2.outcomeText, a2.names, a2.notes]).toEqual([PRIVATE.outcome, PRIVATE.name, PRIVATE.note]);
    const c1 = rows.find((r) => r.case === 'C' && r.agency === 'School')!;
    expect(c1.notes).toBe(PRIVATE.childNote);
    expect(rows.find((r) => r.case === 'D')!.notes).toBe(PRIVATE.reason);
    // E's form (noChildOrFamilyDetails) carried a name and a note: neither is kept.
    const e2 = rows.find((r) => r.case === 'E' && r.stage === 'stage-2')!;
    expect([e2.names, e2.notes]).toEqual(['', '']);
    const csv = agencyLogCsv(rows);
    expect(csv.split('\r\n')[0]).toMatch(/,to,outcomeText,names,notes$/);
    for (const secret of Object.values(FORBIDDEN)) expect(JSON.stringify(rows) + csv).not.toContain(secret);
    // Only what is asked: names alone bring no notes or outcomes.
    const names = agencyLog(cases, { ...PERIOD, include: { names: true } });
    expect(JSON.stringify(names)).not.toContain(PRIVATE.note);
    expect(JSON.stringify(names)).not.toContain(PRIVATE.outcome);
    expect(JSON.stringify(names)).toContain(PRIVATE.name);
    // The figures never carry text, whatever is asked.
    const figures = JSON.stringify(report(cases, { ...PERIOD, include: { outcomes: true, names: true, notes: true } }));
    for (const secret of [...Object.values(PRIVATE), ...Object.values(FORBIDDEN)]) expect(figures).not.toContain(secret);
  });
});
