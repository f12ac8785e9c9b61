// Seeded cases for the test and the sweep: Swindon and North Yorkshire cases at stages 1 to 3, at
// fixed pseudo-random times, stored through the engine exactly as the service would store them.

import { applyEvent, getProtocol, openCase, phaseOf } from 'escalation-protocols';

function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROTOCOLS = [getProtocol('swindon'), getProtocol('north-yorkshire')];

/** Stores `count` cases opened over November 2026; returns how many were stored. */
export function seed(store, count, seedValue = 20261201) {
  const random = seededRandom(seedValue);
  const start = Date.UTC(2026, 10, 2, 9);
  let stored = 0;
  store.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const protocol = PROTOCOLS[i % PROTOCOLS.length];
      let at = start + Math.floor(random() * 28) * 86_400_000 + Math.floor(random() * 8) * 3_600_000;
      const iso = () => new Date(at).toISOString();
      const opened = openCase(protocol, { at: iso(), subject: 'child', raisingAgency: `School ${i % 40}`, receivingAgency: "Children's Social Care" });
      if (!opened.success) throw new Error(opened.refusal.message);
      let kase = opened.case;
      const steps = Math.floor(random() * 3);
      for (let s = 0; s < steps; s++) {
        at += Math.floor(random() * 3 * 86_400_000) + 3_600_000;
        const next = applyEvent(protocol, kase, { type: 'escalated', at: iso() });
        if (!next.success) break;
        kase = next.case;
      }
      store.insertCase(kase, phaseOf(protocol, kase));
      stored++;
    }
  })();
  return stored;
}
