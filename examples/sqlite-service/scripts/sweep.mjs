#!/usr/bin/env node
// `npm run sweep -- 100000`: seeds that many cases into a temporary SQLite file, then times the
// nightly worklist over them, and prints the time and the heap it keeps. The library's `npm run bench`
// runs this when the example is installed.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app.js';
import { openDatabase } from '../src/db.js';
import { seed } from '../src/seed.js';

const count = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(path.join(tmpdir(), 'sqlite-service-sweep-'));
try {
  const store = openDatabase(path.join(dir, 'cases.db'));
  let t = process.hrtime.bigint();
  seed(store, count);
  const seedMs = Number(process.hrtime.bigint() - t) / 1e6;
  const app = createApp(store);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  t = process.hrtime.bigint();
  const result = app.sweep('2026-12-15T06:00');
  const sweepMs = Number(process.hrtime.bigint() - t) / 1e6;
  globalThis.gc?.();
  const kept = process.memoryUsage().heapUsed - heapBefore;
  if (!result.success) throw new Error(result.refusal.message);
  console.log(
    JSON.stringify({ cases: count, seedMs, sweepMs, items: result.items.length, refused: result.refused.length, keptMB: kept / 1e6 }),
  );
  store.db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
