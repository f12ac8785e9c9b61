// The package as npm would publish it, built and packed away from the working tree: tsup writes to a
// temporary folder (never to dist/, which other test files and people rebuild at the same time), the
// files package.json lists are copied beside it, and `npm pack` makes the tarball there.
//
// The result is keyed by a hash of everything that goes into it (sources, protocols, package.json,
// the lockfile, the build config), so the two test files in this folder, which vitest runs in
// parallel workers, share one build (a lock folder makes the second wait), and a re-run with nothing
// changed reuses it.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
export const BIN = (name: string): string => join(ROOT, 'node_modules/.bin', name);
export const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

export interface Staged {
  /** The package folder: package.json, dist/ and the listed files, as in the tarball. */
  readonly dir: string;
  /** The tarball `npm pack` made of it. */
  readonly tarball: string;
  /** The paths inside the tarball (without the leading `package/`). */
  readonly files: readonly string[];
}

interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly files?: readonly string[];
  readonly [key: string]: unknown;
}

export const packageJson = (): PackageJson => JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

/** What the build and the tarball are made of. A change to any of these makes a new stage. */
function inputs(): string[] {
  const listed = (packageJson().files ?? []).filter((f) => f !== 'dist');
  // The build's own plugins too: a change to one changes what it writes.
  const plugins = ['scripts/raw-text.mjs', 'scripts/lazy-zod.mjs', 'scripts/cli-cache.mjs'];
  const roots = ['src', 'package.json', 'package-lock.json', 'tsup.config.ts', 'tsconfig.json', 'LICENSE', ...plugins, ...listed];
  const out: string[] = [];
  const walk = (path: string): void => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const entry of readdirSync(path).sort()) walk(join(path, entry));
    else out.push(path);
  };
  for (const root of roots) walk(join(ROOT, root));
  return out;
}

function inputKey(): string {
  const hash = createHash('sha256');
  for (const file of inputs()) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** Runs a command; throws with its output when it fails. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string>; timeout?: number },
): string {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
    timeout: options.timeout ?? 240_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} (in ${options.cwd}) exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function build(stage: string): Staged {
  const dir = join(stage, 'package');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The repository's own build command, into the stage. tsup cleans only its output folder.
  run('npx', ['--no-install', 'tsup', '--out-dir', join(dir, 'dist')], { cwd: ROOT });
  const pkg = packageJson();
  for (const entry of ['package.json', 'LICENSE', ...(pkg.files ?? []).filter((f) => f !== 'dist')]) {
    if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', stage], { cwd: dir })) as {
    filename: string;
    files: { path: string }[];
  }[];
  const [info] = packed;
  if (!info) throw new Error('npm pack reported nothing');
  const staged: Staged = { dir, tarball: join(stage, info.filename), files: info.files.map((f) => f.path).sort() };
  writeFileSync(join(stage, 'staged.json'), JSON.stringify(staged));
  return staged;
}

/**
 * Builds and packs the package (once per set of inputs), returning where it is.
 *
 * @returns the package folder, its tarball and the tarball's file list
 */
export async function stagePackage(): Promise<Staged> {
  const base = join(tmpdir(), `escalation-protocols-package-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`);
  mkdirSync(base, { recursive: true });
  const stage = join(base, `stage-${inputKey()}`);
  const lock = join(base, 'lock');
  for (;;) {
    const done = join(stage, 'staged.json');
    if (existsSync(done)) {
      const staged = JSON.parse(readFileSync(done, 'utf8')) as Staged;
      if (existsSync(staged.tarball)) return staged;
    }
    try {
      mkdirSync(lock);
    } catch {
      // Another worker is building; a lock older than five minutes is left from a crash.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      if (existsSync(done)) continue;
      // Stages of older states of this checkout; an hour's grace for a run still using one.
      for (const entry of readdirSync(base)) {
        const old = join(base, entry);
        if (entry.startsWith('stage-') && old !== stage && Date.now() - statSync(old).mtimeMs > 3_600_000)
          rmSync(old, { recursive: true, force: true });
      }
      return build(stage);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
