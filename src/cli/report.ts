// `report`: a partnership's monitoring figures (or the agency log) from exported cases, read one
// line at a time so that a file of any size is never held whole.

import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { bundledRegistry } from '../protocol/bundled.js';
import { loadProtocol } from '../protocol/parse.js';
import { type Protocol } from '../protocol/schema.js';
import { renderReportMarkdown } from '../render/reportMarkdown.js';
import { agencyLogCsv } from '../report/agencyLog.js';
import { createReport } from '../report/report.js';
import { reportCsv } from '../report/reportCsv.js';
import { type AgencyLogEntry, type ReportBuilder, type ReportCase, type ReportInclude } from '../report/types.js';
import { parseInstant } from '../time/instant.js';
import {
  UsageError,
  collectFiles,
  display,
  expectPositionals,
  formatFinding,
  HELP,
  isProtocolFile,
  parseCommand,
  print,
  printJson,
  readText,
  toFinding,
  type Command,
} from './io.js';

const OPTIONS = {
  ...HELP,
  from: { type: 'string' },
  to: { type: 'string' },
  now: { type: 'string' },
  format: { type: 'string', default: 'markdown' },
  'agency-log': { type: 'boolean', default: false },
  'suppress-below': { type: 'string' },
  include: { type: 'string', multiple: true },
  protocols: { type: 'string', multiple: true },
  closure: { type: 'string', multiple: true },
} as const;

/** Exit code when the report was written but some lines or files were skipped. */
export const SOME_SKIPPED = 3;

const FORMATS = ['markdown', 'json', 'csv'] as const;
const INCLUDES = ['outcomes', 'names', 'notes'] as const;

export const report: Command = {
  name: 'report',
  summary: 'monitoring figures (or the agency log) over exported cases',
  help: `Usage: escalation-protocols report <cases.ndjson|folder> [options]

Reads stored cases (an NDJSON file, one { "protocol", "events" } case a line, an optional "id"
naming it; or a folder of .json case files) and prints the partnership's figures: cases opened in
the period and how they stood at --now, stages reached, working days, the timeliness of every
obligation, bypass rules invoked and records missing. Cases are judged against the bundled
protocols and any given with --protocols. A line that is not a case, or that the engine refuses, is
reported on stderr with its line number and skipped; the rest is still counted, and the exit code is 3.

Options:
  --from YYYY-MM-DD     first day of the period (cases opened from it), inclusive
  --to YYYY-MM-DD       last day of the period, inclusive
  --now WHEN            the moment outcomes and deadlines are judged at (default: now, by the clock)
  --format F            markdown (default), json or csv
  --agency-log          print the agency log (one row per agency, case and stage) instead
  --suppress-below N    suppress counts from 1 to N-1 (and any that would reveal them)
  --include WHAT        outcomes, names or notes in the agency log (repeatable; none by default)
  --protocols PATH      a protocol file, or a folder of them, to add to the bundled ones (repeatable)
  --closure DATE        a closure day, YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD (repeatable)
  -h, --help            this help

Exit codes: 0 every line counted or outside the period; 3 some lines skipped; 2 a usage error.

Example:
  escalation-protocols report cases.ndjson --from 2026-04-01 --to 2027-03-31 --format json`,

  async run(argv) {
    const { values, positionals } = parseCommand(argv, OPTIONS);
    const [input] = expectPositionals(positionals, ['cases']) as [string];
    const format = values.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new UsageError(`--format: use ${FORMATS.join(', ')}, not "${values.format}"`);
    const now = values.now ?? new Date().toISOString();
    const parsedNow = parseInstant(now);
    if (!parsedNow.success) throw new UsageError(`--now: ${parsedNow.issues[0]!.message}`);
    const include: Record<string, boolean> = {};
    for (const item of (values.include ?? []).flatMap((i) => i.split(','))) {
      if (!(INCLUDES as readonly string[]).includes(item)) throw new UsageError(`--include: use ${INCLUDES.join(', ')}, not "${item}"`);
      include[item] = true;
    }
    const threshold = values['suppress-below'];
    if (threshold !== undefined && !/^\d+$/.test(threshold))
      throw new UsageError(`--suppress-below: a whole number such as 5, not "${threshold}"`);
    const closures = (values.closure ?? []).map((text) => {
      const match = /^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$/.exec(text);
      if (!match) throw new UsageError(`--closure: "${text}" is not YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD`);
      return match[2] ? { from: match[1]!, to: match[2] } : match[1]!;
    });
    // createReport throws a TimeError for a bad --from, --to or threshold; main reports it (exit 2).
    const builder = createReport({
      registry: bundledRegistry().with(...extraProtocols(values.protocols ?? [])),
      now: parsedNow.instant,
      ...(values.from !== undefined && { from: values.from }),
      ...(values.to !== undefined && { to: values.to }),
      ...(threshold !== undefined && { suppressBelow: Number(threshold) }),
      ...(closures.length && { closures }),
      agencyLog: values['agency-log'],
      include: include as ReportInclude,
    });
    const skipped = await readCases(input, builder);
    if (values['agency-log']) printLog(builder.agencyLog(), format);
    else if (format === 'json') printJson(builder.result());
    else if (format === 'csv') process.stdout.write(reportCsv(builder.result()));
    else process.stdout.write(renderReportMarkdown(builder.result()));
    if (skipped) process.stderr.write(`${skipped} skipped (see above); the report counts the rest.\n`);
    return skipped ? SOME_SKIPPED : 0;
  },
};

function extraProtocols(paths: readonly string[]): Protocol[] {
  const { explicit, found } = collectFiles(paths, isProtocolFile);
  return [...explicit, ...found].map((file) => {
    const result = loadProtocol(readText(file));
    if (!result.success) {
      for (const issue of result.issues.filter((i) => i.severity === 'error'))
        process.stderr.write(`${formatFinding(toFinding(display(file), issue))}\n`);
      throw new UsageError(`--protocols: ${display(file)} is not a valid protocol; fix the errors above`);
    }
    return result.protocol;
  });
}

/** Adds every case to the builder; returns how many lines or files were skipped (each reported on stderr). */
async function readCases(input: string, builder: ReportBuilder): Promise<number> {
  let isFolder: boolean;
  try {
    isFolder = statSync(input).isDirectory();
  } catch {
    throw new UsageError(`${input}: no such file or folder`);
  }
  const progress = process.stderr.isTTY === true;
  let skipped = 0;
  let read = 0;
  const one = (text: string, where: string, ref: string): void => {
    read++;
    if (progress && read % 1000 === 0) process.stderr.write(`\rread ${read.toLocaleString('en-GB')} cases`);
    let kase: ReportCase;
    try {
      kase = JSON.parse(text) as ReportCase;
    } catch (error) {
      skipped++;
      return warn(`${where}: not valid JSON (${error instanceof Error ? error.message : String(error)}); skipped`);
    }
    const result = builder.add(kase, typeof kase?.id === 'string' ? kase.id : ref);
    if (!result.counted && result.reason !== 'outsidePeriod') {
      skipped++;
      warn(`${where}: ${result.code}: ${result.message} Skipped.`);
    }
  };
  const warn = (message: string): void => {
    if (progress) process.stderr.write('\r\x1b[K');
    process.stderr.write(`${message}\n`);
  };
  if (isFolder) {
    for (const name of readdirSync(input)
      .filter((f) => f.endsWith('.json'))
      .sort())
      one(readText(join(input, name)), display(join(input, name)), name);
  } else {
    const lines = createInterface({ input: createReadStream(input, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY });
    let line = 0;
    for await (const text of lines) {
      line++;
      if (text.trim() === '') continue;
      one(text, `${display(input)}:${line}`, `line ${line}`);
    }
  }
  if (progress) process.stderr.write('\r\x1b[K');
  return skipped;
}

function printLog(rows: readonly AgencyLogEntry[], format: (typeof FORMATS)[number]): void {
  if (format === 'json') return printJson(rows);
  if (format === 'csv') return void process.stdout.write(agencyLogCsv(rows));
  const cell = (text: string | null | undefined): string =>
    (text ?? '')
      .replace(/\|/g, '\\|')
      .replace(/</g, '&lt;')
      .replace(/[\r\n]+/g, ' ');
  const extra = (['names', 'notes'] as const).filter((k) => rows.some((r) => r[k] !== undefined));
  let agency: string | undefined;
  for (const r of rows) {
    if (r.agency !== agency) {
      if (agency !== undefined) print();
      agency = r.agency;
      print(`## ${cell(agency)}`);
      print();
      const head = [
        'Case',
        'Side',
        'Stage',
        'Started',
        'Raised with',
        'Outcome',
        'Ended',
        ...extra.map((k) => (k === 'names' ? 'Names' : 'Notes')),
      ];
      print(`| ${head.join(' | ')} |`);
      print(`| ${head.map(() => '---').join(' | ')} |`);
    }
    const outcome = (r.to ? `${r.outcome} (${r.to})` : r.outcome) + (r.outcomeText ? `: ${r.outcomeText}` : '');
    const cells = [
      r.case,
      r.side,
      r.stage,
      r.started,
      `${r.raisedWith}, ${r.raisedWithAgency}`,
      outcome,
      r.ended ?? '',
      ...extra.map((k) => r[k]),
    ];
    print(`| ${cells.map(cell).join(' | ')} |`);
  }
  if (rows.length === 0) print('No cases in the period.');
}
