// Cases as event rows in SQLite. A case row holds its protocol pin (id, version, content digest) and
// a phase and stage kept after every event (phaseOf), so a sweep loads only open cases.

import Database from 'better-sqlite3';
import { parseInstant } from 'escalation-protocols';

export function openDatabase(file = ':memory:') {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS cases (
      id INTEGER PRIMARY KEY,
      protocol_id TEXT NOT NULL,
      protocol_version TEXT NOT NULL,
      protocol_digest TEXT,
      phase TEXT NOT NULL,
      stage TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS events (
      case_id INTEGER NOT NULL REFERENCES cases(id),
      seq INTEGER NOT NULL,
      at_utc TEXT NOT NULL,   -- the event's instant normalised to UTC, so SQL can order and filter on it
      body TEXT NOT NULL,     -- the event exactly as the engine stored it
      PRIMARY KEY (case_id, seq)
    );
    CREATE INDEX IF NOT EXISTS cases_open ON cases(phase);
  `);
  const statements = {
    insertCase: db.prepare('INSERT INTO cases (protocol_id, protocol_version, protocol_digest, phase, stage) VALUES (?, ?, ?, ?, ?)'),
    updateCase: db.prepare('UPDATE cases SET phase = ?, stage = ? WHERE id = ?'),
    insertEvent: db.prepare('INSERT INTO events (case_id, seq, at_utc, body) VALUES (?, ?, ?, ?)'),
    caseRow: db.prepare('SELECT * FROM cases WHERE id = ?'),
    caseEvents: db.prepare('SELECT body FROM events WHERE case_id = ? ORDER BY seq'),
    openEvents: db.prepare(
      "SELECT c.id, c.protocol_id, c.protocol_version, c.protocol_digest, e.body FROM cases c JOIN events e ON e.case_id = c.id WHERE c.phase != 'closed' ORDER BY c.id, e.seq",
    ),
  };
  const toCase = (row, events) => ({
    protocol: { id: row.protocol_id, version: row.protocol_version, ...(row.protocol_digest ? { digest: row.protocol_digest } : {}) },
    events,
  });
  // Instants are kept as given in the body (London time without an offset); a UTC copy is what SQL orders on.
  const utc = (at) => new Date(parseInstant(at).epochMs).toISOString();
  return {
    db,
    /** Stores a new case (its opening event) and returns its id. */
    insertCase: db.transaction((kase, where) => {
      const { protocol, events } = kase;
      const row = statements.insertCase.run(protocol.id, protocol.version, protocol.digest ?? null, where.phase, where.stage);
      const id = Number(row.lastInsertRowid);
      events.forEach((e, seq) => statements.insertEvent.run(id, seq, utc(e.at), JSON.stringify(e)));
      return id;
    }),
    /** Appends the case's last event and updates its phase and stage. */
    appendEvent: db.transaction((id, kase, where) => {
      const seq = kase.events.length - 1;
      statements.insertEvent.run(id, seq, utc(kase.events[seq].at), JSON.stringify(kase.events[seq]));
      statements.updateCase.run(where.phase, where.stage, id);
    }),
    loadCase(id) {
      const row = statements.caseRow.get(id);
      if (!row) return undefined;
      return toCase(
        row,
        statements.caseEvents.all(id).map((r) => JSON.parse(r.body)),
      );
    },
    /** Every case not closed, one at a time, grouped from one ordered scan. */
    *openCases() {
      let current;
      let events = [];
      for (const row of statements.openEvents.iterate()) {
        if (current && current.id !== row.id) {
          yield { id: current.id, kase: toCase(current, events) };
          events = [];
        }
        current = row;
        events.push(JSON.parse(row.body));
      }
      if (current) yield { id: current.id, kase: toCase(current, events) };
    },
  };
}
