// The command-line tool as one script with V8's code cache (#15; src/cli/launch.ts says why and
// when it is used). An esbuild plugin for the CLI entry of tsup.config.ts: when that build ends, it
// writes the bin, <outdir>/cli.cjs (src/cli/launch.ts), bundles src/cli/main.ts into
// <outdir>/cli/bundle-<hash>.cjs, a CommonJS function the bin runs in a vm.Script, and runs this
// file on it, which runs `validate protocols/` from the script (as CI runs the tool) and writes the
// cache V8 made of everything it compiled (bundle-<hash>.cache), then bundle.json, naming both with
// the V8 they were made with. A Node whose V8 differs ignores them and runs the ES modules.
//
// The names carry a hash of the script because V8 checks a cache against its script's length, not
// its text: a script and a cache of the same name are then always a pair, even for a bin started in
// the middle of a rebuild, which reads bundle.json, then the two files it names (or, if a rebuild
// removed them meanwhile, runs the ES modules).
//
//   node scripts/cli-cache.mjs <outdir> <name>     (what the plugin runs: <name> is bundle-<hash>)

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import * as esbuild from 'esbuild';
import { NODE_SCRIPT, lazyZod } from './lazy-zod.mjs';
import { rawText } from './raw-text.mjs';

const HERE = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(HERE), '..');

/** @type {import('esbuild').Plugin} */
export const cliCodeCache = {
  name: 'cli-code-cache',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length > 0) return;
      const outdir = path.resolve(ROOT, build.initialOptions.outdir ?? 'dist');
      const dir = path.join(outdir, 'cli');
      const bundled = await esbuild.build({
        ...NODE_SCRIPT,
        entryPoints: [path.join(ROOT, 'src/cli/main.ts')],
        write: false,
        outfile: path.join(dir, 'bundle.cjs'),
        plugins: [lazyZod, rawText],
        // import.meta has no meaning in a script: the package root is found from the script's path.
        define: { 'import.meta.url': '__cliUrl' },
        banner: {
          js: '(function (exports, require, module, __filename, __dirname) {const __cliUrl=require("node:url").pathToFileURL(__filename).href;',
        },
        footer: { js: '})' },
      });
      const text = bundled.outputFiles[0].text;
      const name = `bundle-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${name}.cjs`), text);
      // The bin that picks the script or the ES modules (src/cli/launch.ts).
      await esbuild.build({
        ...NODE_SCRIPT,
        entryPoints: [path.join(ROOT, 'src/cli/launch.ts')],
        outfile: path.join(outdir, 'cli.cjs'),
        banner: { js: '#!/usr/bin/env node' },
      });
      chmodSync(path.join(outdir, 'cli.cjs'), 0o755);
      // A fresh Node with no options, as users start the tool: the cache records V8's flags.
      const { NODE_OPTIONS: _, ...env } = process.env;
      const trained = spawnSync(process.execPath, [HERE, outdir, name], { cwd: ROOT, env, encoding: 'utf8' });
      if (trained.status !== 0) throw new Error(`cli-cache: the training run failed:\n${trained.stderr}`);
      // Earlier builds' pairs: a bin that read bundle.json just before this finds its files gone and
      // runs the ES modules.
      for (const file of readdirSync(dir))
        if (/^bundle-[0-9a-f]{16}\.(cjs|cache)$/.test(file) && !file.startsWith(`${name}.`)) rmSync(path.join(dir, file), { force: true });
    });
  },
};

/** Runs `validate protocols/` from the script <outdir>/cli/<name>.cjs, then writes the cache of what it compiled and bundle.json. */
function train(outdir, name) {
  const dir = path.join(outdir, 'cli');
  const file = path.join(dir, `${name}.cjs`);
  const script = new Script(readFileSync(file, 'utf8'), { filename: file });
  process.argv = [process.execPath, file, 'validate', 'protocols/'];
  process.env.NO_COLOR = '1';
  // The findings are not wanted here, only the code that printed them.
  process.stdout.write = () => true;
  process.on('exit', () => {
    writeFileSync(path.join(dir, `${name}.cache`), script.createCachedData());
    // Written whole and then renamed, so a bin never reads half of it.
    const built = path.join(dir, `bundle.json.${process.pid}`);
    writeFileSync(
      built,
      `${JSON.stringify({ v8: process.versions.v8, arch: process.arch, script: `${name}.cjs`, cache: `${name}.cache` })}\n`,
    );
    renameSync(built, path.join(dir, 'bundle.json'));
    // validate's own exit code (1 would mean a bundled protocol is invalid, which the tests catch).
    process.exitCode = 0;
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dir);
}

if (process.argv[1] === HERE) train(path.resolve(process.argv[2]), process.argv[3]);
