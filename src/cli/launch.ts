// The command-line tool's bin (built to dist/cli.cjs, CommonJS: starting Node's ES module loader
// alone costs a cold start about 5 ms). Node 20 compiles an ES module's code afresh on every start,
// and compiling was about a fifth of a cold `validate` (#15). So the build also writes the whole
// tool as one script, dist/cli/bundle-<hash>.cjs, with V8's code cache for it: the code `validate`
// ran when the build ran it on the bundled protocols (scripts/cli-cache.mjs). Where that cache
// fits (the V8 the build ran, on the same architecture, with no Node options) the script runs from
// it; anywhere else, or with NODE_DISABLE_COMPILE_CACHE set, the ES modules of dist/cli.js run, as
// they did before. Both are built from the same sources; test/cli/cache.test.ts checks that they agree.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

/** What the build wrote beside the script: its file and its cache's, and the V8 and architecture the cache was made with. */
interface Built {
  readonly v8?: unknown;
  readonly arch?: unknown;
  readonly script?: unknown;
  readonly cache?: unknown;
}

/** Runs the tool from the cached script, when the cache fits; false when the ES modules should run. */
function fromCache(): boolean {
  // Flags change how V8 compiles, so a cache made without them would be refused after compiling.
  if (process.env['NODE_DISABLE_COMPILE_CACHE'] || process.env['NODE_OPTIONS'] || process.execArgv.length > 0) return false;
  const dir = join(__dirname, 'cli');
  let file: string;
  let source: string;
  let cachedData: Buffer;
  try {
    const built = JSON.parse(readFileSync(join(dir, 'bundle.json'), 'utf8')) as Built;
    if (built.v8 !== process.versions.v8 || built.arch !== process.arch) return false;
    if (typeof built.script !== 'string' || typeof built.cache !== 'string') return false;
    // Named by a hash of the script, so the two are always a pair (scripts/cli-cache.mjs).
    file = join(dir, built.script);
    source = readFileSync(file, 'utf8');
    cachedData = readFileSync(join(dir, built.cache));
  } catch {
    return false;
  }
  // The script is a function of what a CommonJS module gets (the build wraps it so).
  const run = new Script(source, { filename: file, cachedData }).runInThisContext() as (
    exports: object,
    require: NodeJS.Require,
    module: { exports: object },
    filename: string,
    dirname: string,
  ) => void;
  const module = { exports: {} };
  run(module.exports, createRequire(file), module, file, dir);
  return true;
}

// A computed path: dist/cli.js is loaded at run time, not bundled into this file.
if (!fromCache()) void import(pathToFileURL(join(__dirname, 'cli.js')).href);
