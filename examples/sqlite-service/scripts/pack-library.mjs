#!/usr/bin/env node
// Builds the library two folders up and packs it as ./escalation-protocols.tgz: the file the
// lockfile names, so `npm ci` installs exactly what `npm pack` would publish. The name is fixed and
// the lockfile holds no integrity hash for it, so a rebuilt library installs without a new lockfile.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(here, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (!process.argv.includes('--no-build')) execFileSync(npm, ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
const out = mkdtempSync(path.join(tmpdir(), 'escalation-protocols-pack-'));
const [{ filename }] = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', out], { cwd: root, encoding: 'utf8' }));
renameSync(path.join(out, path.basename(filename)), path.join(here, 'escalation-protocols.tgz'));
rmSync(out, { recursive: true, force: true });

// `npm install` writes the tarball's hash into the lockfile; the next build would then fail `npm ci`.
const lockPath = path.join(here, 'package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const entry = lock.packages?.['node_modules/escalation-protocols'];
if (entry?.integrity) {
  delete entry.integrity;
  writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
}
console.log('packed escalation-protocols.tgz');
