// The service: opens cases and applies events from HTTP requests (node:http), and writes the
// nightly worklist. Refusals map to HTTP statuses by their category (docs/integrators.md).

import { createServer } from 'node:http';
import { applyEvent, bundledRegistry, openCase, parseEvent, phaseOf, status, worklist } from 'escalation-protocols';

/** HTTP status for each refusal category. */
export const HTTP_FOR_CATEGORY = {
  malformed: 400,
  unknownReference: 422,
  notAllowedNow: 409,
  invalidLog: 500,
  protocolMismatch: 500,
};

const send = (res, code, body) => {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

async function readJson(req) {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 64 * 1024) throw new Error('body too large');
  }
  return JSON.parse(text);
}

/** Builds the app on a database from db.js; `clock` is the server's clock (a test passes a fixed one). */
export function createApp(store, { registry = bundledRegistry(), clock = () => new Date() } = {}) {
  const protocolOf = (kase) => registry.get(kase.protocol.id, kase.protocol.version);

  /** POST /cases  { "protocol": "swindon", "event": { at, subject, raisingAgency, receivingAgency } } */
  function postCase(body) {
    const parsed = parseEvent({ ...body?.event, type: 'opened' });
    if (!parsed.success) return [400, { issues: parsed.issues }];
    // The version in force on the case's London date: inForce reads the instant itself.
    const protocol = typeof body.protocol === 'string' ? registry.inForce(body.protocol, parsed.event.at) : undefined;
    if (!protocol) return [404, { error: `No protocol ${JSON.stringify(body?.protocol)} in force then.` }];
    const { type: _type, ...opened } = parsed.event;
    const result = openCase(protocol, opened, { now: clock() });
    if (!result.success) return [HTTP_FOR_CATEGORY[result.refusal.category], { refusal: result.refusal }];
    const where = phaseOf(protocol, result.case);
    const id = store.insertCase(result.case, where);
    return [201, { id, case: result.case }];
  }

  /** POST /cases/:id/events  { type, at, ... } */
  function postEvent(id, body) {
    const kase = store.loadCase(id);
    if (!kase) return [404, { error: `No case ${id}.` }];
    const protocol = protocolOf(kase);
    if (!protocol) return [500, { error: `Protocol ${kase.protocol.id} ${kase.protocol.version} is not in the registry.` }];
    const parsed = parseEvent(body);
    if (!parsed.success) return [400, { issues: parsed.issues }];
    const result = applyEvent(protocol, kase, parsed.event, { now: clock() });
    if (!result.success) return [HTTP_FOR_CATEGORY[result.refusal.category], { refusal: result.refusal }];
    const where = phaseOf(protocol, result.case);
    store.appendEvent(id, result.case, where);
    return [201, { id, phase: where.phase, stage: where.stage }];
  }

  function getStatus(id, now) {
    const kase = store.loadCase(id);
    if (!kase) return [404, { error: `No case ${id}.` }];
    const result = status(protocolOf(kase), kase, now ?? clock());
    return result.success ? [200, result.status] : [HTTP_FOR_CATEGORY[result.refusal.category], { refusal: result.refusal }];
  }

  /** The nightly worklist: every item that needs action, with the agency to route it to. */
  function sweep(now = clock()) {
    const ids = [];
    const cases = (function* () {
      for (const { id, kase } of store.openCases()) {
        ids.push(id);
        yield kase;
      }
    })();
    const result = worklist(cases, now, { registry });
    if (!result.success) return result;
    return {
      success: true,
      items: result.items.map((item) => ({ caseId: ids[item.caseIndex], ...item })),
      refused: result.refused.map((r) => ({ caseId: ids[r.caseIndex], ...r })),
    };
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      const match = /^\/cases\/(\d+)(\/events|\/status)?$/.exec(url.pathname);
      let answer;
      if (req.method === 'POST' && url.pathname === '/cases') answer = postCase(await readJson(req));
      else if (req.method === 'POST' && match?.[2] === '/events') answer = postEvent(Number(match[1]), await readJson(req));
      else if (req.method === 'GET' && match?.[2] === '/status') answer = getStatus(Number(match[1]), url.searchParams.get('now') ?? undefined);
      else if (req.method === 'GET' && url.pathname === '/worklist') answer = [200, sweep(url.searchParams.get('now') ?? clock())];
      else answer = [404, { error: 'Not found' }];
      send(res, ...answer);
    } catch (error) {
      send(res, error instanceof SyntaxError ? 400 : 500, { error: String(error.message ?? error) });
    }
  });
  return { server, postCase, postEvent, getStatus, sweep };
}
