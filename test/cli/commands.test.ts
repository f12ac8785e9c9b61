// Every other command of `escalation-protocols`, run as users run it: outputs and exit codes.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildCli, cli, expectOneLine, fixture, tempDir } from './_cli.js';

beforeAll(buildCli, 120_000);

const FIXTURE = 'test/cli/fixtures/fixture.json';
const bundled = (id: string): boolean => existsSync(join(ROOT, 'protocols', `${id}.json`));
const COMMANDS = ['validate', 'test', 'list', 'plan', 'timeline', 'status', 'due', 'diagram', 'diff', 'schema', 'report', 'migrate'];

describe('the tool', () => {
  it('--version prints the version in package.json', () => {
    const run = cli(['--version']);
    expect(run.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    expect(run.status).toBe(0);
  });

  it('--help lists every command; no command at all is a usage error', () => {
    const help = cli(['--help']);
    for (const command of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(help.status).toBe(0);
    const none = cli([]);
    expect(expectOneLine(none.stderr)).toBe(
      `escalation-protocols: give a command: ${COMMANDS.join(', ')} (see "escalation-protocols --help")`,
    );
    expect(none.status).toBe(2);
  });

  it.each(COMMANDS)('%s --help shows its usage and an example', (command) => {
    const run = cli([command, '--help']);
    expect(run.stdout).toContain(`Usage: escalation-protocols ${command}`);
    expect(run.stdout).toMatch(/Examples?:\n  escalation-protocols /);
    expect(run.status).toBe(0);
  });

  it('an unknown command or flag is one line on stderr and exit 2', () => {
    const command = cli(['valdate']);
    expect(expectOneLine(command.stderr)).toBe('escalation-protocols: unknown command "valdate" (see "escalation-protocols --help")');
    expect(command.status).toBe(2);
    const flag = cli(['plan', FIXTURE, '--from', '2026-12-21', '--frm', 'x']);
    expect(expectOneLine(flag.stderr)).toBe('escalation-protocols plan: unknown option --frm (see "escalation-protocols plan --help")');
    expect(flag.status).toBe(2);
    const value = cli(['plan', FIXTURE, '--from']);
    expect(expectOneLine(value.stderr)).toContain('--from needs a value');
    expect(value.status).toBe(2);
  });
});

describe('list', () => {
  it('lists the bundled protocols with id, title, partnership, version and review date', () => {
    const ids = ['oxfordshire', 'swindon', 'rotherham', 'rotherham-cp-challenge', 'croydon', 'north-yorkshire'].filter(bundled);
    const run = cli(['list', '--json']);
    expect(run.status).toBe(0);
    const entries = JSON.parse(run.stdout) as {
      id: string;
      title: string;
      partnership: string;
      version: string;
      reviewBy: string | null;
      valid: boolean;
    }[];
    expect(entries.map((e) => e.id)).toEqual(expect.arrayContaining(ids));
    for (const entry of entries.filter((e) => e.valid)) {
      expect(Object.keys(entry)).toEqual(['id', 'title', 'partnership', 'version', 'reviewBy', 'valid']);
      expect(entry.title.length).toBeGreaterThan(0);
    }
    const text = cli(['list']);
    expect(text.stdout.split('\n')[0]).toMatch(/^ID +VERSION +REVIEW BY +TITLE \(PARTNERSHIP\)$/);
    for (const id of ids) expect(text.stdout).toMatch(new RegExp(`^${id} `, 'm'));
  });
});

describe('plan', () => {
  it('--json gives { protocol, from, confirmedUntil, stages: [{ id, title, owners, dueDate, dueAt, provisional }] }', () => {
    const run = cli(['plan', FIXTURE, '--from', '2026-12-21', '--json']);
    expect(run.status).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.protocol).toEqual({ id: 'fixture', version: '1' });
    expect(plan.from).toBe('2026-12-21T00:00:00+00:00');
    expect(plan.stages[0]).toEqual({
      id: 'stage-1',
      title: 'Internal',
      owners: ['practitioner'],
      dueDate: '2026-12-23',
      dueAt: '2026-12-23T23:59:59.999+00:00',
      provisional: false,
    });
    expect(plan.confirmedUntil).toBe('2027-12-31');
    expect(plan.stages.map((s: { dueDate: string }) => s.dueDate).slice(0, 5)).toEqual([
      '2026-12-23',
      '2027-01-04',
      '2027-01-11',
      '2027-01-18',
      '2027-01-25',
    ]);
  });

  it('prints one row per stage with owners and due date, and a line per bypass rule', () => {
    const run = cli(['plan', FIXTURE, '--from', '2026-12-21']);
    expect(run.stdout).toMatch(/^  stage-1 +2026-12-23 \(working day 2\) +Internal +practitioner$/m);
    expect(run.stdout).toMatch(/^  stage-5 +2027-01-25 \(working day 22\) +Partnership +chair$/m);
    expect(run.stdout).toMatch(/^  immediate-risk: Immediate risk of significant harm -> Refer to MASH \(practitioner; /m);
    expect(run.stdout).toMatch(/^  exit: Emergency -> Call 999 .*exit to Child protection procedures\)$/m);
    expect(run.status).toBe(0);
  });

  it('--closure (a day or a range) and --subject change the projection', () => {
    const run = cli([
      'plan',
      FIXTURE,
      '--from',
      '2026-12-21',
      '--closure',
      '2026-12-24',
      '--closure',
      '2026-12-29..2026-12-31',
      '--subject',
      'adult',
      '--json',
    ]);
    const plan = JSON.parse(run.stdout);
    // With the council closed 24 and 29-31 December, stage 2 ends on 8 January; adults go to the board.
    expect(plan.stages[1].dueDate).toBe('2027-01-08');
    expect(plan.stages[4].owners).toEqual(['adult-board']);
  });

  it('refuses a bad --from, subject or closure, and a missing --from, with exit 2', () => {
    for (const args of [
      ['--from', '2026-13-01'],
      ['--from', '2026-12-21', '--subject', 'careLeaver'],
      ['--from', '2026-12-21', '--closure', '24/12/2026'],
      ['--from', '2026-12-21', '--closure', '2026-12-31..2026-12-24'],
      ['--from', '2026-12-21', '--region', 'wales'],
      [],
    ]) {
      const run = cli(['plan', FIXTURE, ...args]);
      expectOneLine(run.stderr);
      expect(run.status, args.join(' ')).toBe(2);
    }
  });

  it('an unknown protocol id or missing file is exit 2; an invalid protocol file is exit 1 with its positions', () => {
    const unknown = cli(['plan', 'no-such-protocol', '--from', '2026-12-21']);
    expect(expectOneLine(unknown.stderr)).toMatch(
      /^escalation-protocols plan: no protocol "no-such-protocol": no such file, and no bundled protocol of that id \(bundled: /,
    );
    expect(unknown.status).toBe(2);
    const missing = cli(['plan', 'nowhere/x.json', '--from', '2026-12-21']);
    expect(expectOneLine(missing.stderr)).toBe('escalation-protocols plan: nowhere/x.json: no such file');
    expect(missing.status).toBe(2);
    const broken = cli(['plan', 'test/cli/fixtures/broken.json', '--from', '2026-12-21']);
    expect(broken.stderr).toMatch(/^test\/cli\/fixtures\/broken\.json:12:7 error schema\/unknown-key /);
    expect(broken.stderr.trimEnd().split('\n').at(-1)).toContain('is not a valid protocol');
    expect(broken.status).toBe(1);
  });

  it('plan swindon --from 2026-12-21 --json: the bundled Swindon timeline over Christmas', () => {
    // protocols/swindon.json is written by another issue; this is the one bundled check that must run.
    if (!bundled('swindon')) throw new Error('protocols/swindon.json does not exist yet');
    const run = cli(['plan', 'swindon', '--from', '2026-12-21', '--json']);
    expect(run.status).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.protocol.id).toBe('swindon');
    expect(plan.stages.map((s: { dueDate: string | null }) => s.dueDate).slice(0, 5)).toEqual([
      '2026-12-23',
      '2027-01-04',
      '2027-01-11',
      '2027-01-18',
      '2027-01-25',
    ]);
  });

  it('resolves an id from the package root, whatever the current folder', () => {
    if (!bundled('swindon')) return;
    const run = cli(['plan', 'swindon', '--from', '2026-12-21', '--json'], { cwd: tmpdir() });
    expect(JSON.parse(run.stdout).stages[0].dueDate).toBe('2026-12-23');
  });
});

describe('due', () => {
  it('working days print the due date; hours print the instant with its offset', () => {
    expect(cli(['due', '2026-12-21', '5wd']).stdout).toBe('2026-12-30\n');
    expect(cli(['due', '2026-03-28T10:00', '24h']).stdout).toBe('2026-03-29T11:00:00+01:00\n');
    expect(cli(['due', '2026-12-21', '1mo']).stdout).toBe('2027-01-21\n');
    expect(cli(['due', '2026-12-21T09:30', 'immediately']).stdout).toBe('2026-12-21T09:30:00+00:00\n');
  });

  it('takes --closure and --region', () => {
    expect(cli(['due', '2026-12-21', '5wd', '--closure', '2026-12-29..2026-12-31']).stdout).toBe('2027-01-05\n');
    // Monday 4 January 2027 is a bank holiday in Scotland only (for 2 January, a Saturday).
    expect(cli(['due', '2027-01-01', '1wd']).stdout).toBe('2027-01-04\n');
    expect(cli(['due', '2027-01-01', '1wd', '--region', 'scotland']).stdout).toBe('2027-01-05\n');
  });

  it('--json gives from, timescale, date and instant, whether provisional and the confirmed date', () => {
    const run = cli(['due', '2026-12-21', '5wd', '--json']);
    expect(JSON.parse(run.stdout)).toEqual({
      from: '2026-12-21T00:00:00+00:00',
      timescale: '5wd',
      date: '2026-12-30',
      at: '2026-12-30T23:59:59.999+00:00',
      provisional: false,
      confirmedUntil: '2027-12-31',
    });
  });

  it('refuses a London local time lost to the spring clock change, naming the change (exit 2)', () => {
    const run = cli(['due', '2026-03-29T01:30', '24h']);
    const line = expectOneLine(run.stderr);
    expect(line).toMatch(/^escalation-protocols due: 2026-03-29 01:30 does not exist in London: the clocks go forward/);
    expect(line).toContain('British Summer Time');
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });

  it('refuses a duration without a unit, suggesting one (exit 2)', () => {
    const run = cli(['due', '2026-12-21', '5 days']);
    expect(expectOneLine(run.stderr)).toContain('Write "5wd" for working days or "5d" for calendar days.');
    expect(run.status).toBe(2);
    const missing = cli(['due', '2026-12-21']);
    expect(expectOneLine(missing.stderr)).toBe('escalation-protocols due: missing <timescale> (see "escalation-protocols due --help")');
    expect(missing.status).toBe(2);
  });
});

describe('status', () => {
  const OPEN = 'test/cli/fixtures/cases/open.json';

  it("shows the stage, owners, each obligation's due date and state, missing records and allowed moves", () => {
    const run = cli(['status', FIXTURE, OPEN, '--now', '2027-01-05T09:00']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^stage-2: Inter-agency /);
    expect(run.stdout).toContain('owners: Practitioner (raising)');
    expect(run.stdout).toMatch(/^  s1-discuss +stage-1 +Practitioner +due 2026-12-23 +met 2026-12-23T10:00:00\+00:00$/m);
    expect(run.stdout).toMatch(/^  s2-discuss +stage-2 +Practitioner +due 2027-01-04 +overdue$/m);
    expect(run.stdout).toMatch(/Missing records:\n {2}stage-2\/child-file +Entry on the child's file\n/);
    expect(run.stdout).toMatch(/Allowed now:\n {2}escalate to stage-3\n/);
    expect(run.stdout).toContain('  resolve\n');
  });

  it('--json prints the status object', () => {
    const status = JSON.parse(cli(['status', FIXTURE, OPEN, '--now', '2027-01-05T09:00', '--json']).stdout);
    expect(status.stage.id).toBe('stage-2');
    expect(status.counts).toEqual({ overdue: 1, dueSoon: 0, dueNow: 0, missingRecords: 1 });
  });

  it('a move the protocol does not allow is exit 1, naming the event and what is allowed', () => {
    const run = cli(['status', FIXTURE, 'test/cli/fixtures/cases/refused.json', '--now', '2027-01-05T09:00']);
    expect(expectOneLine(run.stderr)).toBe(
      'escalation-protocols status: test/cli/fixtures/cases/refused.json: event 2: engine/skip-not-allowed: The protocol does not allow moving from "stage-1" to "stage-4"; escalate to "stage-2".',
    );
    expect(run.status).toBe(1);
  });

  it('a case file that is not JSON is exit 1; a missing case file or --now is exit 2', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), '{ "protocol": ');
    const bad = cli(['status', FIXTURE, join(dir, 'bad.json'), '--now', '2027-01-05T09:00']);
    expect(expectOneLine(bad.stderr)).toContain('bad.json: not valid JSON');
    expect(bad.status).toBe(1);
    const missing = cli(['status', FIXTURE, 'nowhere.json', '--now', '2027-01-05T09:00']);
    expect(expectOneLine(missing.stderr)).toBe('escalation-protocols status: nowhere.json: no such file');
    expect(missing.status).toBe(2);
    const noNow = cli(['status', FIXTURE, OPEN]);
    expect(expectOneLine(noNow.stderr)).toContain('--now is required');
    expect(noNow.status).toBe(2);
  });
});

describe('test', () => {
  it('runs the scenario files and ends with "N passed, N failed"', () => {
    const run = cli(['test', 'test/cli/fixtures']);
    expect(run.stdout).toContain('✓ Plan from Monday 21 December 2026 over Christmas');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('2 passed, 0 failed');
    expect(run.status).toBe(0);
  });

  it('reports each failing expectation with the scenario name, where, expected and actual; exit 1', () => {
    const dir = tempDir();
    copyFileSync(fixture('fixture.json'), join(dir, 'fixture.json'));
    const scenarios = JSON.parse(readFileSync(fixture('fixture.scenarios.json'), 'utf8'));
    scenarios.scenarios[0].name = 'Plan with a wrong date';
    scenarios.scenarios[0].plan.dueDates['stage-2'] = '2027-01-05';
    writeFileSync(join(dir, 'fixture.scenarios.json'), JSON.stringify(scenarios));
    const run = cli(['test', dir]);
    expect(run.stdout).toContain(
      '  ✗ Plan with a wrong date\n      at plan/stage-2\n        expected: "2027-01-05"\n        actual:   "2027-01-04"\n',
    );
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed');
    expect(run.status).toBe(1);
  });

  it('a scenario file whose protocol is missing counts its scenarios as failed', () => {
    const dir = tempDir();
    copyFileSync(fixture('fixture.scenarios.json'), join(dir, 'fixture.scenarios.json'));
    const run = cli(['test', join(dir, 'fixture.scenarios.json')]);
    expect(run.stdout).toContain('could not run: the protocol "fixture" it tests is not there');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 2 failed');
    expect(run.status).toBe(1);
  });

  it('refuses a protocol file given as a scenario file (exit 2)', () => {
    const run = cli(['test', FIXTURE]);
    expect(expectOneLine(run.stderr)).toBe(
      `escalation-protocols test: ${FIXTURE} is not a scenario file (*.scenarios.json); "validate" checks protocol files`,
    );
    expect(run.status).toBe(2);
  });

  it('defaults to protocols/ and ends with the count line there too', () => {
    if (!existsSync(join(ROOT, 'protocols'))) return;
    const run = cli(['test']);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ passed, \d+ failed$/);
    expect([0, 1]).toContain(run.status);
  });
});

describe('diagram', () => {
  it('prints a Mermaid flowchart (the shared renderer): stages with owners, next and skip edges, bypass rules', () => {
    const run = cli(['diagram', FIXTURE]);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('flowchart TD');
    expect(lines.find((l) => l.includes('<b>Internal</b>'))).toContain('Practitioner');
    // Variants are branches by subject (#17), each with its own owners.
    expect(lines).toContain('  s5 -->|for a child| s5v1');
    expect(lines.find((l) => l.startsWith('  s5v1['))).toContain('Independent: Partnership chair');
    expect(lines.find((l) => l.startsWith('  s5v2['))).toContain('Adult board manager');
    expect(lines).toContain('  s1 -->|unresolved| s2');
    expect(lines).toContain('  s3 -.->|skip| s5');
    // One node per bypass rule (b1..b3), styled as a bypass.
    expect(lines.filter((l) => /^ {2}b\d+\[/.test(l))).toHaveLength(3);
    expect(lines).toContain('  class b1,b2,b3 bypass;');
  });

  it.runIf(bundled('swindon'))('draws a bundled protocol by id', () => {
    const run = cli(['diagram', 'swindon']);
    expect(run.stdout.startsWith('flowchart TD\n')).toBe(true);
    expect(run.status).toBe(0);
  });
});

describe('schema', () => {
  it('prints the JSON Schema of protocol files', () => {
    const run = cli(['schema']);
    const schema = JSON.parse(run.stdout);
    expect(schema.$schema).toContain('2020-12');
    expect(schema.properties.stages.type).toBe('array');
    expect(run.status).toBe(0);
  });
});

// Isle of Man Treasury 2026 list (TT bank holiday Friday 5 June, Tynwald Day Monday 6 July), States of
// Guernsey (summer bank holiday 31 August), Liberation Day in Jersey (Friday 9 May 2025): sources in
// test/fixtures/crown-dependencies-lists.json and src/time/holiday-corrections.json.
describe('Crown Dependencies and provisional dates', () => {
  it.each([
    ['2026-06-04', 'isle-of-man', '2026-06-08'],
    ['2026-07-03', 'isle-of-man', '2026-07-07'],
    ['2026-08-28', 'guernsey', '2026-09-01'],
    ['2025-05-08', 'jersey', '2025-05-12'],
    ['2024-07-12', 'jersey', '2024-07-16'],
  ])('due %s 1wd --region %s prints %s', (from, region, date) => {
    const run = cli(['due', from, '1wd', '--region', region]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${date}\n`);
  });

  it('due past the confirmed date says so in words on stderr, and in --json', () => {
    const run = cli(['due', '2027-06-03', '1wd', '--region', 'isle-of-man']);
    expect(run.stdout).toBe('2027-06-07\n');
    expect(run.stderr).toContain('provisional: bank holidays after 2026-12-31 are not yet announced');
    expect(JSON.parse(cli(['due', '2027-06-03', '1wd', '--region', 'isle-of-man', '--json']).stdout)).toMatchObject({
      provisional: true,
      confirmedUntil: '2026-12-31',
    });
  });

  it('plan swindon --from 2029-12-21 --json marks its dates provisional; from 2026-12-21 it does not', () => {
    const late = JSON.parse(cli(['plan', 'swindon', '--from', '2029-12-21', '--json']).stdout);
    const dated = late.stages.filter((s: { dueDate: string | null }) => s.dueDate);
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.every((s: { provisional: boolean }) => s.provisional === true)).toBe(true);
    const early = JSON.parse(cli(['plan', 'swindon', '--from', '2026-12-21', '--json']).stdout);
    expect(early.stages.every((s: { provisional: boolean }) => s.provisional === false)).toBe(true);
    expect(cli(['plan', 'swindon', '--from', '2029-12-21']).stdout).toContain(
      'provisional: bank holidays after 2027-12-31 are not yet announced',
    );
    expect(cli(['plan', 'swindon', '--from', '2026-12-21']).stdout).not.toContain('provisional');
  });
});
