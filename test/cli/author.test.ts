// The policy author's commands (#17): timeline, diff, schema --for, and validate with accepted
// findings and a file named otherwise than its id.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildCli, cli, expectOneLine, tempDir } from './_cli.js';

beforeAll(buildCli, 120_000);

const croydonAt3wd = (dir: string, name = 'croydon.json'): string => {
  const p = JSON.parse(readFileSync(join(ROOT, 'protocols/croydon.json'), 'utf8'));
  p.stages[0].obligations[0].due.within = '3wd';
  delete p.$schema;
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(p, null, 2));
  return file;
};

describe('timeline', () => {
  it('prints Swindon from 2026-12-21 as a Gantt chart, stage 4 ending on 2027-01-18 (working day 17)', () => {
    const run = cli(['timeline', 'swindon', '--from', '2026-12-21']);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('gantt\n')).toBe(true);
    expect(run.stdout).toContain('  Stage 4 – due 2027-01-18 (working day 17) :s4, 2027-01-11, 2027-01-18\n');
    expect(run.stdout).toContain('  Christmas Day :crit, h1, 2026-12-25, 2026-12-25\n');
  });

  it('marks closures, and needs --from', () => {
    expect(cli(['timeline', 'swindon', '--from', '2026-12-21', '--closure', '2026-12-29..2026-12-31']).stdout).toMatch(
      / :crit, h\d, 2026-12-30, 2026-12-30/,
    );
    const missing = cli(['timeline', 'swindon']);
    expect(missing.status).toBe(2);
    expect(expectOneLine(missing.stderr)).toContain('--from is required');
  });
});

describe('diff', () => {
  it('names the change of Croydon stage 1 from 7 to 3 working days, in Markdown and JSON', () => {
    const file = croydonAt3wd(tempDir());
    const md = cli(['diff', 'croydon', file]);
    expect(md.status).toBe(0);
    expect(md.stdout).toContain(
      'changed from "within 7 working days of the start of the stage" to "within 3 working days of the start of the stage"',
    );
    const json = cli(['diff', 'croydon', file, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({
        path: ['stages', 'stage-1', 'obligations', 'stage-1-discussion', 'due'],
        after: 'within 3 working days of the start of the stage',
      }),
    ]);
  });
});

describe('validate, for authors', () => {
  it('Croydon at 3wd: lint/quote-disagrees', () => {
    const run = cli(['validate', croydonAt3wd(tempDir()), '--today', '2018-12-01']);
    expect(run.stdout).toMatch(
      /croydon\.json:\d+:\d+ warning lint\/quote-disagrees The cited words say "7 working days", but the timescale says 3 working days/,
    );
  });

  it('validate protocols/ --strict passes, and shows the accepted findings as accepted', () => {
    const run = cli(['validate', 'protocols/', '--strict', '--today', '2026-12-21']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^protocols\/oxfordshire\.json:\d+:\d+ warning, accepted lint\/skip-over-stage .* Accepted: /m);
    expect(run.stdout).toMatch(/6 files checked: 0 errors, 0 warnings, \d+ info, 8 accepted/);
  });

  it('warns when a file name differs from its id', () => {
    const run = cli(['validate', croydonAt3wd(tempDir(), 'croydon-draft.json'), '--today', '2018-12-01']);
    expect(run.stdout).toMatch(
      /croydon-draft\.json:\d+:\d+ warning file\/name-differs-from-id The file is named "croydon-draft\.json" but its "id" is "croydon"/,
    );
  });
});

describe('schema --for', () => {
  it("knows the file's roles, stages and records", () => {
    const run = cli(['schema', '--for', 'protocols/swindon.json']);
    expect(run.status).toBe(0);
    const schema = JSON.stringify(JSON.parse(run.stdout));
    expect(schema).toContain('"enum":["raising-practitioner"');
    expect(schema).toContain('"completed:stage-4"');
    expect(schema).toContain('"record:appendix-1-form"');
  });
});
