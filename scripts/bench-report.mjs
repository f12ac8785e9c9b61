#!/usr/bin/env node
// Section 7 of `npm run bench`: `report` over the bench's 100,000 Swindon cases against `status` of
// the same cases (scripts/bench.mjs, section 4, builds them the same way, from the same seed), and
// the CLI's `report` streaming the same cases from an NDJSON file. Time as a ratio; memory as the
// heap a run adds above the cases themselves (sampled every 1,000 cases, in a fresh process each,
// after a forced GC) and, for the CLI, the process's peak resident set.
//
// Run on its own: node scripts/bench-report.mjs (after npm run build).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CASES, makeCases } from './_benchCases.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
const NOW = '2027-01-15T09:00:00Z';
const RUNS = 3;

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const fmt = (x, digits = 1) => x.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
let sink = 0;

const runners = {
  status: (lib, cases, swindon, sample) => {
    for (let i = 0; i < cases.length; i++) {
      const result = lib.status(swindon, cases[i], NOW);
      if (result.success) sink += result.status.counts.overdue;
      if (i % 1000 === 0) sample();
    }
  },
  'status-kept': (lib, cases, swindon, sample) => {
    const kept = [];
    for (let i = 0; i < cases.length; i++) {
      kept.push(lib.status(swindon, cases[i], NOW));
      if (i % 1000 === 0) sample();
    }
    sink += kept.length;
  },
  report: (lib, cases, _swindon, sample) => {
    const builder = lib.createReport({ registry: lib.bundledRegistry(), now: NOW });
    for (let i = 0; i < cases.length; i++) {
      builder.add(cases[i]);
      if (i % 1000 === 0) sample();
    }
    sink += builder.result().cases.opened;
  },
};

/** In a child process: the heap one runner adds above the cases, in MB. */
async function child(mode, dist) {
  const lib = await import(pathToFileURL(path.join(ROOT, dist, 'index.js')).href);
  const swindon = lib.getProtocol('swindon');
  const cases = makeCases(swindon);
  lib.status(swindon, cases[0], NOW); // compile the protocol before the base is taken
  globalThis.gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  runners[mode](lib, cases, swindon, () => (peak = Math.max(peak, process.memoryUsage().heapUsed)));
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  process.stdout.write(JSON.stringify({ heapMB: (peak - base) / 1e6 }));
}

function inChild(mode, dist) {
  const run = spawnSync(process.execPath, ['--expose-gc', SELF, 'child', mode, dist], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bench-report child ${mode} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** The CLI reading the cases from an NDJSON file, in-process behind a wrapper that reports its peak RSS. */
function cliRun(file, dist) {
  const cli = pathToFileURL(path.join(ROOT, dist, 'cli.js')).href;
  const wrapper = `process.on('exit', () => process.stderr.write('\\nMAXRSS ' + process.resourceUsage().maxRSS));
process.argv.splice(1, 0, 'cli'); import(${JSON.stringify(cli)});`;
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['-e', wrapper, 'report', file, '--now', NOW, '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = /MAXRSS (\d+)/.exec(run.stderr);
  if (run.status !== 0 || !rss) throw new Error(`report CLI failed (${run.status}):\n${run.stderr.slice(0, 2000)}`);
  return { ms, rssMB: (Number(rss[1]) * 1024) / 1e6, opened: JSON.parse(run.stdout).cases.opened };
}

function bareRssMB() {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.resourceUsage().maxRSS))'], { encoding: 'utf8' });
  return (Number(run.stdout) * 1024) / 1e6;
}

/** Rows for bench.mjs's table. `dist` is the snapshot of dist/ relative to the root. */
export async function benchReport(dist = 'dist') {
  const lib = await import(pathToFileURL(path.join(ROOT, dist, 'index.js')).href);
  const swindon = lib.getProtocol('swindon');
  const cases = makeCases(swindon);
  const time = (mode) => {
    const start = process.hrtime.bigint();
    runners[mode](lib, cases, swindon, () => {});
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  time('report');
  time('status');
  const reportMs = [];
  const statusMs = [];
  for (let i = 0; i < RUNS; i++) reportMs.push(time('report')), statusMs.push(time('status'));
  const ratio = median(reportMs.map((r, i) => r / statusMs[i]));
  const figures = lib.report(cases, { registry: lib.bundledRegistry(), now: NOW });

  const heap = { report: inChild('report', dist), status: inChild('status', dist), kept: inChild('status-kept', dist) };

  const dir = mkdtempSync(path.join(tmpdir(), 'escalation-protocols-bench-report-'));
  let cli;
  try {
    const file = path.join(dir, 'cases.ndjson');
    writeFileSync(file, `${cases.map((c) => JSON.stringify(c)).join('\n')}\n`);
    cli = cliRun(file, dist);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const bare = bareRssMB();
  if (figures.cases.opened !== CASES || cli.opened !== CASES) throw new Error('the report did not count every bench case');
  return [
    {
      name: `report over ${CASES.toLocaleString('en-GB')} cases (6 events each)`,
      value: `${fmt(median(reportMs), 0)} ms`,
      note: `${fmt((CASES / median(reportMs)) * 1000, 0)} cases/s`,
    },
    { name: 'baseline: status of the same cases, results dropped', value: `${fmt(median(statusMs), 0)} ms` },
    ratioRow('  report over status', ratio, '≤ 2×', ratio <= 2),
    { name: 'heap added by report (peak)', value: `${fmt(heap.report.heapMB)} MB`, note: 'totals only: no status kept' },
    { name: 'baseline: heap added by status, results dropped', value: `${fmt(heap.status.heapMB)} MB` },
    {
      name: 'baseline: heap added by status, results kept',
      value: `${fmt(heap.kept.heapMB)} MB`,
      note: 'what aggregating afterwards would hold',
    },
    {
      name: 'CLI report of a 100,000-line NDJSON file',
      value: `${fmt(cli.ms, 0)} ms`,
      note: `peak RSS ${fmt(cli.rssMB, 0)} MB vs ${fmt(bare, 0)} MB for node -e 0`,
      goal: '< 200 MB RSS',
      ok: cli.rssMB < 200,
    },
  ];
}

const ratioRow = (name, ratio, goal, ok) => ({ name, value: `${fmt(ratio)}×`, goal, ok });

if (process.argv[2] === 'child') await child(process.argv[3], process.argv[4]);
else if (process.argv[1] === SELF) {
  for (const r of await benchReport())
    console.log(
      `  ${r.name.padEnd(52)} ${r.value.padStart(10)}${r.goal ? `  goal ${r.goal}  ${r.ok ? 'ok' : 'MISS'}` : ''}${r.note ? `  (${r.note})` : ''}`,
    );
  if (sink === 0.5) console.log('');
}
