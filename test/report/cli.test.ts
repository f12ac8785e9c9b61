// `escalation-protocols report`, run as a business unit runs it on an export.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cli, tempDir } from '../cli/_cli.js';
import { NOW, PRIVATE, cases, testshireInput } from './_fixture.js';

beforeAll(buildCli, 120_000);

function files() {
  const dir = tempDir();
  const protocol = join(dir, 'testshire.json');
  writeFileSync(protocol, JSON.stringify(testshireInput));
  // Line 3 is not JSON; line 4 is blank (ignored); cases H (refused) and I (unknown version) are skipped too.
  const lines = cases.map((c) => JSON.stringify(c));
  lines.splice(2, 0, '{"protocol": {"id": "testshire"', '');
  const ndjson = join(dir, 'cases.ndjson');
  writeFileSync(ndjson, `${lines.join('\n')}\n`);
  const clean = join(dir, 'clean.ndjson');
  writeFileSync(
    clean,
    `${cases
      .slice(0, 6)
      .map((c) => JSON.stringify(c))
      .join('\r\n')}\r\n`,
  );
  const folder = join(dir, 'cases');
  mkdirSync(folder);
  cases.slice(0, 5).forEach((c, i) => writeFileSync(join(folder, `case-${i + 1}.json`), JSON.stringify(c, null, 2)));
  return { protocol, ndjson, clean, folder };
}

const period = ['--from', '2027-02-01', '--to', '2027-02-28', '--now', NOW];

describe('escalation-protocols report', () => {
  const f = files();

  it('--format json names, per protocol, cases by outcome, the count reaching each stage and obligations by state', () => {
    const run = cli(['report', f.ndjson, '--protocols', f.protocol, ...period, '--format', 'json']);
    const r = JSON.parse(run.stdout);
    const p = r.protocols[0];
    expect([p.id, p.version]).toEqual(['testshire', '1']);
    expect(p.cases).toEqual({ opened: 5, resolved: 1, withdrawn: 1, exited: 1, open: 2 });
    expect(Object.fromEntries(p.stages.map((s: { id: string; reached: number }) => [s.id, s.reached]))).toEqual({
      'stage-1': 5,
      'stage-2': 3,
      'stage-3': 1,
    });
    expect(p.obligations).toEqual({ met: 4, metLate: 3, overdue: 3, open: 1, cancelled: 2, total: 13 });
    // Three lines skipped, each named by its line number; the rest counted; exit 3.
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/cases\.ndjson:3: not valid JSON \(.+\); skipped$/),
      expect.stringMatching(
        /cases\.ndjson:9: engine\/skip-not-allowed: The protocol does not allow moving from "stage-1" to "stage-3".+ Skipped\.$/,
      ),
      expect.stringMatching(/cases\.ndjson:10: report\/unknown-protocol: No protocol testshire version 9 in the registry.+ Skipped\.$/),
      '3 skipped (see above); the report counts the rest.',
    ]);
    expect(run.status).toBe(3);
  });

  it('exit 0 when every line is counted or outside the period; CRLF lines; no progress line when stderr is not a terminal', () => {
    const run = cli(['report', f.clean, '--protocols', f.protocol, ...period, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.cases.opened).toBe(5);
    expect(r.notCounted).toEqual({ outsidePeriod: 1, unknownProtocol: 0, refused: {} });
  });

  it('reads a folder of case files', () => {
    const run = cli(['report', f.folder, '--protocols', f.protocol, ...period, '--format', 'json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).cases).toEqual({ opened: 5, resolved: 1, withdrawn: 1, exited: 1, open: 2 });
  });

  it('markdown (the default) with Mermaid charts; csv; suppression', () => {
    const md = cli(['report', f.clean, '--protocols', f.protocol, ...period]);
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^# Resolution of professional disagreements: monitoring report\n/);
    expect(md.stdout.match(/```mermaid/g)?.length).toBe(3);
    expect(md.stdout).toContain('| All | 5 | 1 | 1 | 1 | 2 |');
    const csv = cli(['report', f.clean, '--protocols', f.protocol, ...period, '--format', 'csv', '--suppress-below', '3']);
    expect(csv.stdout.split('\r\n')).toEqual(
      expect.arrayContaining([
        'protocol,version,table,key,measure,value',
        ',,suppression,,threshold,3',
        ',,cases,,opened,5',
        ',,cases,,resolved,[c]',
      ]),
    );
  });

  it('--agency-log as CSV and JSON, text only with --include', () => {
    const csv = cli(['report', f.clean, '--protocols', f.protocol, ...period, '--agency-log', '--format', 'csv']);
    expect(csv.status).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('agency,side,case,protocol,version,stage,stageTitle,started,raisedWith,raisedWithAgency,outcome,ended,to');
    expect(lines).toContain('School,raising,A,testshire,1,stage-2,Managers,2027-02-03,Other manager,CSC,resolved,2027-02-08,');
    expect(csv.stdout).not.toContain(PRIVATE.outcome);
    const json = cli([
      'report',
      f.clean,
      '--protocols',
      f.protocol,
      ...period,
      '--agency-log',
      '--format',
      'json',
      '--include',
      'outcomes',
    ]);
    const rows = JSON.parse(json.stdout);
    expect(rows.find((r: { case: string; outcomeText?: string }) => r.case === 'A' && r.outcomeText)?.outcomeText).toBe(PRIVATE.outcome);
    const md = cli(['report', f.clean, '--protocols', f.protocol, ...period, '--agency-log']);
    expect(md.stdout).toContain('## School');
  });

  it('usage errors exit 2 with one line', () => {
    for (const args of [
      ['--format', 'xml'],
      ['--now', 'soon'],
      ['--from', '2027-02-30'],
      ['--suppress-below', 'five'],
      ['--include', 'everything'],
    ]) {
      const run = cli(['report', f.clean, '--protocols', f.protocol, ...period, ...args]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.trimEnd().split('\n').length).toBe(1);
    }
    expect(cli(['report', join(f.folder, 'missing.ndjson')]).status).toBe(2);
  });
});
