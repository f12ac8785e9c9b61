// Every figure of the report over the hand-built cases of _fixture.ts, worked out by hand below.
// Working days count the days after the first date up to and including the last (Mon 1 -> Wed 3 = 2).

import { describe, expect, it } from 'vitest';
import { createReport, report, type ReportCase } from '../../src/index.js';
import { NOW, PERIOD, cases, registry } from './_fixture.js';

const zero = { met: 0, metLate: 0, overdue: 0, open: 0, cancelled: 0, total: 0 };

describe('report over the hand-built cases', () => {
  const r = report(cases, PERIOD);
  const p = r.protocols[0]!;

  it('counts the cases opened in February, as they stood on 5 March', () => {
    // A resolved (then closed); B open (its resolution on 8 March is after "now"); C exited by the
    // bypass rule; D withdrawn; E open at stage 3. F opened in January; H refused; I unknown version.
    expect(r.period).toEqual({ from: '2027-02-01', to: '2027-02-28', now: '2027-03-05T12:00:00+00:00' });
    expect(r.suppression).toBeNull();
    expect(r.cases).toEqual({ opened: 5, resolved: 1, withdrawn: 1, exited: 1, open: 2 });
    expect(r.openedByMonth).toEqual([{ month: '2027-02', opened: 5 }]);
    expect(r.bySubject).toEqual([{ subject: 'child', opened: 5, resolved: 1, withdrawn: 1, exited: 1, open: 2 }]);
    // Raising: GP (B open), Police (D withdrawn), School (A resolved, C exited, E open); sorted by name.
    expect(r.byRaisingAgency).toEqual([
      { agency: 'GP', opened: 1, resolved: 0, withdrawn: 0, exited: 0, open: 1 },
      { agency: 'Police', opened: 1, resolved: 0, withdrawn: 1, exited: 0, open: 0 },
      { agency: 'School', opened: 3, resolved: 1, withdrawn: 0, exited: 1, open: 1 },
    ]);
    // Receiving: CSC (A, B, D, E), Health (C).
    expect(r.byReceivingAgency).toEqual([
      { agency: 'CSC', opened: 4, resolved: 1, withdrawn: 1, exited: 0, open: 2 },
      { agency: 'Health', opened: 1, resolved: 0, withdrawn: 0, exited: 1, open: 0 },
    ]);
    expect(r.notCounted).toEqual({ outsidePeriod: 1, unknownProtocol: 1, refused: { 'engine/skip-not-allowed': 1 } });
    expect(p.cases).toEqual(r.cases);
  });

  it('counts the stages reached, the highest, and the working days at each', () => {
    // stage-1: all five entered. Time: A Mon 1 -> Wed 3 = 2; B Tue 2 -> Fri 5 = 3; C Mon 8 -> Tue 9
    //   (exit) = 1; D Wed 10 -> Thu 11 (withdrawn) = 1; E Mon 15 -> Tue 16 = 1. Sorted 1,1,1,2,3:
    //   median the 3rd = 1; 90th percentile rank ceil(4.5) = 5th = 3; max 3. Highest for C and D.
    // stage-2: A, B, E. A Wed 3 -> Mon 8 (resolved) = Thu, Fri, Mon = 3; E Tue 16 -> Wed 24 = 6; B still
    //   there. Median (3 + 6) / 2 = 4.5; 90th rank ceil(1.8) = 2nd = 6. Highest for A and B; B open at it.
    // stage-3: E only, still there: no time yet.
    expect(p.stages).toEqual([
      { id: 'stage-1', title: 'Practitioners', reached: 5, highest: 2, openAt: 0, workingDays: { cases: 5, median: 1, p90: 3, max: 3 } },
      { id: 'stage-2', title: 'Managers', reached: 3, highest: 2, openAt: 1, workingDays: { cases: 2, median: 4.5, p90: 6, max: 6 } },
      {
        id: 'stage-3',
        title: 'Partnership',
        reached: 1,
        highest: 1,
        openAt: 1,
        workingDays: { cases: 0, median: null, p90: null, max: null },
      },
    ]);
    // A opened Mon 1, resolved Mon 8: Tue, Wed, Thu, Fri, Mon = 5.
    expect(p.toResolution).toEqual({ cases: 1, median: 5, p90: 5, max: 5 });
  });

  it('judges every obligation with a deadline, by stage, obligation and side', () => {
    // s1-discuss (2wd from the disagreement; met when stage 1 ends):
    //   A due Wed 3, escalated Wed 3 -> met; B due Thu 4, escalated Fri 5 -> metLate; C and D ended by
    //   exit and withdrawal -> cancelled; E due Wed 17, escalated Tue 16 -> met.
    // s2-form (3wd from entering stage 2; met by the form): A due Mon 8, form Thu 4 -> met; B due
    //   Wed 10, no form -> overdue; E due Fri 19, form Mon 22 -> metLate.
    // s2-respond (5wd; met when stage 2 ends): A due Wed 10, resolved Mon 8 -> met; B due Fri 12 ->
    //   overdue; E due Tue 23, escalated Wed 24 -> metLate.
    // s3-decide (10wd from Wed 24 Feb): due Wed 10 Mar, 3 working days after 5 Mar -> pending (open).
    // immediate-risk (same working day as the bypass, Tue 9): never done -> overdue (never cancelled).
    const s1 = { met: 2, metLate: 1, overdue: 0, open: 0, cancelled: 2, total: 5 };
    const s2Each = { met: 1, metLate: 1, overdue: 1, open: 0, cancelled: 0, total: 3 };
    expect(p.timeliness.byObligation).toEqual([
      { obligation: 's1-discuss', stage: 'stage-1', ...s1 },
      { obligation: 's2-form', stage: 'stage-2', ...s2Each },
      { obligation: 's2-respond', stage: 'stage-2', ...s2Each },
      { obligation: 's3-decide', stage: 'stage-3', ...zero, open: 1, total: 1 },
      { obligation: 'immediate-risk', stage: null, ...zero, overdue: 1, total: 1 },
    ]);
    expect(p.timeliness.byStage).toEqual([
      { stage: 'stage-1', ...s1 },
      { stage: 'stage-2', met: 2, metLate: 2, overdue: 2, open: 0, cancelled: 0, total: 6 },
      { stage: 'stage-3', ...zero, open: 1, total: 1 },
      { stage: null, ...zero, overdue: 1, total: 1 },
    ]);
    // Totals: met 2 + 2 = 4; metLate 1 + 2 = 3; overdue 2 + 1 = 3; open 1; cancelled 2; 13 in all.
    expect(p.obligations).toEqual({ met: 4, metLate: 3, overdue: 3, open: 1, cancelled: 2, total: 13 });
    // Raising side: s1-discuss (practitioner), s2-form (manager), immediate-risk (practitioner):
    //   met 2 + 1 = 3, metLate 1 + 1 = 2, overdue 1 + 1 = 2, cancelled 2, total 5 + 3 + 1 = 9.
    // Receiving: s2-respond. Independent: s3-decide (chair).
    const bySide = [
      { side: 'raising', met: 3, metLate: 2, overdue: 2, open: 0, cancelled: 2, total: 9 },
      { side: 'receiving', ...s2Each },
      { side: 'independent', ...zero, open: 1, total: 1 },
    ];
    expect(p.timeliness.bySide).toEqual(bySide);
    expect(r.bySide).toEqual(bySide);
    expect(r.obligations).toEqual(p.obligations);
  });

  it('counts bypass rules invoked and required records missing', () => {
    expect(p.bypasses).toEqual([{ rule: 'immediate-risk', cases: 1 }]);
    // stage-1 needs the discussion record: B and D never made it. stage-2 needs the form: B never sent it.
    expect(p.missingRecords).toEqual([
      { stage: 'stage-1', record: 'discussion', title: 'Record of the discussion', cases: 2 },
      { stage: 'stage-2', record: 'form', title: 'Escalation form', cases: 1 },
    ]);
  });
});

describe('which cases count', () => {
  it('the period is London dates, inclusive at both ends; an opening after "now" never counts', () => {
    const at = (time: string): ReportCase => ({ ...cases[0]!, events: [{ ...cases[0]!.events[0]!, at: time }] });
    // 23:30 UTC on 28 February is 23:30 in London (GMT): inside. 00:30 BST on 1 June is 23:30 UTC on 31 May.
    const builder = createReport({ registry, from: '2027-02-01', to: '2027-05-31', now: '2027-06-05T12:00' });
    expect(builder.add(at('2027-02-28T23:30:00Z'))).toEqual({ counted: true });
    expect(builder.add(at('2027-02-01T00:00'))).toEqual({ counted: true });
    expect(builder.add(at('2027-01-31T23:59'))).toEqual({ counted: false, reason: 'outsidePeriod' });
    expect(builder.add(at('2027-05-31T23:30:00Z'))).toEqual({ counted: false, reason: 'outsidePeriod' });
    // No `to`: bounded by now. Opened an hour after now: not yet.
    const open = createReport({ registry, now: '2027-02-01T09:00' });
    expect(open.add(at('2027-02-01T10:00'))).toEqual({ counted: false, reason: 'outsidePeriod' });
    expect(open.add(at('2027-02-01T08:00'))).toEqual({ counted: true });
  });

  it('a case is judged as at "now": the same case counts open on 7 February and resolved on 9 February', () => {
    const a = [cases[0]!];
    expect(report(a, { ...PERIOD, now: '2027-02-07T12:00' }).cases).toEqual({ opened: 1, resolved: 0, withdrawn: 0, exited: 0, open: 1 });
    const early = report(a, { ...PERIOD, now: '2027-02-07T12:00' }).protocols[0]!;
    expect(early.stages.map((s) => [s.id, s.reached, s.openAt])).toEqual([
      ['stage-1', 1, 0],
      ['stage-2', 1, 1],
      ['stage-3', 0, 0],
    ]);
    expect(report(a, { ...PERIOD, now: '2027-02-09T12:00' }).cases.resolved).toBe(1);
  });

  it('a malformed case is refused, never thrown; bad options throw with a code', () => {
    const bad = [null, 42, { protocol: { id: 'testshire', version: '1' } }, { protocol: { id: 'testshire', version: '1' }, events: [] }];
    const r = report(bad as unknown as ReportCase[], PERIOD);
    expect(r.notCounted.refused).toEqual({ 'engine/invalid-case': 3, 'engine/not-opened': 1 });
    expect(() => report([], { ...PERIOD, from: '2027-02-30' })).toThrow(expect.objectContaining({ code: 'time/invalid-date' }));
    expect(() => report([], { ...PERIOD, now: 'soon' })).toThrow(expect.objectContaining({ code: 'time/invalid-instant' }));
    expect(() => report([], { ...PERIOD, suppressBelow: 1 })).toThrow(expect.objectContaining({ code: 'report/invalid-threshold' }));
  });

  it('never mutates the cases, and gives the same report for any order of them', () => {
    const copy = JSON.parse(JSON.stringify(cases)) as ReportCase[];
    const forward = report(cases, PERIOD);
    expect(cases).toEqual(copy);
    expect(report([...cases].reverse(), PERIOD)).toEqual(forward);
  });

  it('an engine state it does not know (a newer one, such as dueNow) counts as open, not met or overdue', async () => {
    const { bucketOf } = await import('../../src/report/_aggregate.js');
    expect(['pending', 'dueSoon', 'dueNow', 'somethingNew'].map(bucketOf)).toEqual(['open', 'open', 'open', 'open']);
    expect(['met', 'metLate', 'overdue', 'cancelled'].map(bucketOf)).toEqual(['met', 'metLate', 'overdue', 'cancelled']);
  });
});

describe('months', () => {
  it('lists every month of the period, with zeros', () => {
    const r = report([cases[0]!], { registry, from: '2026-12-15', to: '2027-03-02', now: NOW });
    expect(r.openedByMonth).toEqual([
      { month: '2026-12', opened: 0 },
      { month: '2027-01', opened: 0 },
      { month: '2027-02', opened: 1 },
      { month: '2027-03', opened: 0 },
    ]);
  });
});
