// Cold start of the command-line tool: the wall time of `node dist/cli.cjs validate protocols/` (a new
// process each run, as CI runs it) against a bare `node -e 0`, so that what is measured is the tool's
// own cost, not Node's. Goal (#15): under 80 ms more than bare Node. Prints nothing; the caller reports.
//
//   import { benchCli } from './scripts/bench-cli.mjs';
//   const { cliMs, nodeMs, extraMs } = await benchCli();

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function wallMs(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // validate exits 1 on invalid protocols, which still measures the full path; 2 means it did nothing.
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`node ${args.join(' ')} exited ${result.status}: ${String(result.stderr).trim()}`);
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Measures the cold wall time of the bin (package.json "bin": dist/cli.cjs, as `npx escalation-protocols`
 * starts it) running `validate protocols/`, and of `node -e 0`.
 *
 * @param {{ runs?: number }} [options] - runs of each (10 by default); the median is reported
 * @returns {Promise<{ cliMs: number, nodeMs: number, extraMs: number }>} medians in milliseconds, rounded to 0.1
 */
export async function benchCli({ runs = 10 } = {}) {
  const bin = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin['escalation-protocols'];
  const cli = path.join(ROOT, bin);
  if (!existsSync(cli)) throw new Error(`${bin} is missing; build it first (npx tsup).`);
  const cliArgs = [cli, 'validate', 'protocols/'];
  const nodeArgs = ['-e', '0'];
  // One untimed run of each warms the file-system cache, as on any machine that ran Node before.
  wallMs(cliArgs);
  wallMs(nodeArgs);
  const cliTimes = [];
  const nodeTimes = [];
  // Interleaved, so that a burst of load on the machine affects both sides alike.
  for (let i = 0; i < runs; i++) {
    cliTimes.push(wallMs(cliArgs));
    nodeTimes.push(wallMs(nodeArgs));
  }
  const round = (ms) => Math.round(ms * 10) / 10;
  const cliMs = round(median(cliTimes));
  const nodeMs = round(median(nodeTimes));
  return { cliMs, nodeMs, extraMs: round(cliMs - nodeMs) };
}
