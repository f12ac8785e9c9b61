// The service end to end: HTTP requests against a real SQLite database, and the nightly worklist
// over a few hundred seeded cases. Run by the library's CI (.ci/run) from the packed tarball.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getProtocol, status } from 'escalation-protocols';
import { createApp } from '../src/app.js';
import { openDatabase } from '../src/db.js';
import { seed } from '../src/seed.js';

const store = openDatabase(':memory:');
let now = new Date('2026-12-21T12:00:00Z');
const app = createApp(store, { clock: () => now });
let base;

before(async () => {
  await new Promise((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${app.server.address().port}`;
});
after(() => {
  app.server.close();
  store.db.close();
});

const post = async (path, body) => {
  const res = await fetch(`${base}${path}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { code: res.status, body: await res.json() };
};
const get = async (path) => {
  const res = await fetch(`${base}${path}`);
  return { code: res.status, body: await res.json() };
};

describe('cases over HTTP', () => {
  let id;
  it('opens a case under the version in force, pinned by its digest', async () => {
    const res = await post('/cases', {
      protocol: 'swindon',
      event: { at: '2026-12-21T10:00', subject: 'child', raisingAgency: 'School', receivingAgency: "Children's Social Care" },
    });
    assert.equal(res.code, 201);
    id = res.body.id;
    assert.match(res.body.case.protocol.digest, /^sha256:/);
  });

  it('maps refusals to statuses by category', async () => {
    assert.equal((await post(`/cases/${id}/events`, { type: 'escalated', at: '2062-12-21T11:00' })).code, 400); // event-in-future
    assert.equal((await post(`/cases/${id}/events`, { type: 'recorded', at: '2026-12-21T11:00', record: 'nope' })).code, 422);
    assert.equal((await post(`/cases/${id}/events`, { type: 'escalated', at: '2026-12-21T11:00', to: 'stage-4' })).code, 409);
    const typo = await post(`/cases/${id}/events`, { type: 'escalated', at: '2026-12-21T11:00', tp: 'stage-2' });
    assert.equal(typo.code, 400);
    assert.match(typo.body.issues[0].message, /Did you mean "to"\?/);
    assert.equal((await post(`/cases/${id}/events`, '{not json')).code, 400);
  });

  it('applies an event and keeps the phase and stage columns', async () => {
    const res = await post(`/cases/${id}/events`, { type: 'escalated', at: '2026-12-21T11:30' });
    assert.deepEqual(res, { code: 201, body: { id, phase: 'open', stage: 'stage-2' } });
    const row = store.db.prepare('SELECT phase, stage FROM cases WHERE id = ?').get(id);
    assert.deepEqual({ ...row }, { phase: 'open', stage: 'stage-2' });
    const utc = store.db.prepare('SELECT at_utc FROM events WHERE case_id = ? ORDER BY seq').all(id);
    assert.deepEqual(
      utc.map((r) => r.at_utc),
      ['2026-12-21T10:00:00.000Z', '2026-12-21T11:30:00.000Z'],
    );
  });

  it('answers status as of a past moment', async () => {
    const then = await get(`/cases/${id}/status?now=2026-12-21T11:00`);
    assert.equal(then.body.stage.id, 'stage-1');
    const early = await get(`/cases/${id}/status?now=2026-12-20T11:00`);
    assert.equal(early.code, 400);
    assert.equal(early.body.refusal.code, 'engine/before-opened');
  });
});

describe('the nightly worklist', () => {
  it('lists exactly the items status calls overdue, due soon or due now, over a few hundred cases', () => {
    seed(store, 300);
    now = new Date('2026-12-22T06:00:00Z');
    const sweep = app.sweep();
    assert.equal(sweep.success, true);
    assert.deepEqual(sweep.refused, []);
    assert.ok(sweep.items.length > 0);
    // The same answer from full statuses, case by case.
    const expected = [];
    for (const { id: caseId, kase } of store.openCases()) {
      const result = status(getProtocol(kase.protocol.id), kase, now);
      assert.equal(result.success, true);
      for (const o of result.status.obligations) {
        if (['overdue', 'dueSoon', 'dueNow'].includes(o.state)) expected.push(`${caseId} ${o.id} ${o.state} ${o.agency}`);
      }
    }
    assert.deepEqual(
      sweep.items.map((i) => `${i.caseId} ${i.obligation} ${i.state} ${i.agency}`),
      expected,
    );
    for (const item of sweep.items) if (item.state === 'overdue') assert.ok(item.workingDaysLate >= 0);
  });
});
