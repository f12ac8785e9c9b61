// The bench's inputs, shared by scripts/bench.mjs and scripts/bench-report.mjs so both time the very
// same cases: seeded, so every run reads the same inputs.

/** The seed of every bench input. */
export const SEED = 20260521;

/** The number of cases in the sweep. */
export const CASES = 100_000;

/** A seeded generator of numbers in [0, 1) (mulberry32). */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 100,000 open Swindon cases of six events each, at seeded times over 2026, as an integrator stores them. */
export function makeCases(swindon) {
  const random = seededRandom(SEED + 1);
  const cases = [];
  const iso = (ms) => new Date(ms).toISOString();
  for (let i = 0; i < CASES; i++) {
    let at = Date.UTC(2026, 0, 5, 9) + Math.floor(random() * 300) * 86_400_000;
    const step = () => (at += Math.floor(random() * 4 * 86_400_000) + 3_600_000);
    cases.push({
      protocol: { id: swindon.id, version: swindon.version },
      events: [
        {
          type: 'opened',
          at: iso(at),
          arose: iso(at - 3_600_000),
          subject: 'child',
          raisingAgency: 'School',
          receivingAgency: "Children's Social Care",
        },
        { type: 'recorded', at: iso(step()), record: 'discussion-record' },
        { type: 'escalated', at: iso(step()) },
        { type: 'recorded', at: iso(step()), record: 'inter-agency-communication' },
        { type: 'recorded', at: iso(step()), record: 'partnership-copied' },
        { type: 'escalated', at: iso(step()) },
      ],
    });
  }
  return cases;
}
