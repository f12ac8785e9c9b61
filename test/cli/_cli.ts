// Runs the built command-line tool (its bin, dist/cli.cjs, which runs dist/cli/bundle-<hash>.cjs from its
// code cache or else the modules of dist/cli.js) as a subprocess, the way users and CI run it.
// `buildCli` rebuilds it when any source is newer; vitest runs test files in parallel workers, so a
// lock folder makes them build once, one at a time, and a worker waiting on it re-checks afterwards.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Options } from 'tsup';
import { afterAll } from 'vitest';
import config from '../../tsup.config.js';

export const ROOT = join(import.meta.dirname, '../..');
export const CLI = join(ROOT, 'dist/cli.cjs');
export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const fixture = (name: string): string => join(FIXTURES, name);

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const stale = (): boolean =>
  !existsSync(CLI) || statSync(CLI).mtimeMs < Math.max(newestSource(join(ROOT, 'src')), statSync(join(ROOT, 'tsup.config.ts')).mtimeMs);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds the CLI from its entry in tsup.config.ts (only that entry: the library's is not needed). */
export async function buildCli(): Promise<void> {
  const lock = join(tmpdir(), `escalation-protocols-cli-build-${Buffer.from(ROOT).toString('hex').slice(-16)}`);
  for (;;) {
    if (!stale()) return;
    try {
      mkdirSync(lock);
    } catch {
      // Another worker is building; a lock older than a minute is left from a crash.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 60_000) rmSync(lock, { recursive: true, force: true });
      await sleep(100);
      continue;
    }
    try {
      if (!stale()) return;
      const configs = (Array.isArray(config) ? config : [config]) as Options[];
      const cli = configs.find((c) => c.entry !== undefined && 'cli' in (c.entry as Record<string, string>));
      if (!cli) throw new Error('tsup.config.ts has no "cli" entry');
      await build({ ...cli, config: false, silent: true });
      return;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Waits, synchronously, for the bin: a full `npx tsup` elsewhere empties dist/ before writing it again. */
function waitForCli(): void {
  const until = Date.now() + 30_000;
  while (!existsSync(CLI)) {
    if (Date.now() > until) throw new Error(`${CLI} is missing; build it (npx tsup)`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
}

/** `node dist/cli.cjs ...args`, without colour, in `cwd` (the repository root by default). */
export function cli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  for (let attempt = 1; ; attempt++) {
    waitForCli();
    const result = spawnSync(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ...options.env },
    });
    // Node itself failed to load the file: it vanished or was half-written between the check and the
    // run (a rebuild elsewhere). The tool never prints such errors itself, so run it again shortly.
    const unloadable = /Cannot find module|ERR_MODULE_NOT_FOUND|dist\/cli(\/bundle)?\.c?js:\d+/.test(result.stderr);
    if (attempt < 5 && result.status === 1 && unloadable) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
      continue;
    }
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }
}

/** A usage or input error: one line on stderr, nothing like a stack trace. */
export function expectOneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got ${lines.length}:\n${stderr}`);
  if (/\n\s+at |Error:|node:internal/.test(stderr)) throw new Error(`a stack trace or raw error on stderr:\n${stderr}`);
  return lines[0]!;
}

const made: string[] = [];

/** A fresh temporary folder, removed when the test file finishes. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ep-cli-'));
  made.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
