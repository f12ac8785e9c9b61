// The correcting event: `{ type: 'voided', event: <index>, reason }`. Which events a log voids is read
// before the fold, so the fold simply passes over them; each `voided` event is then checked in its
// place. @internal

import { describe } from '../time/_days.js';
import { refuse, text } from './_state.js';

const readable = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function targetOf(events: readonly unknown[], i: number): number | undefined {
  const raw = events[i];
  if (!readable(raw) || raw.type !== 'voided') return undefined;
  const target = raw.event;
  if (typeof target !== 'number' || !Number.isInteger(target) || target < 0 || target >= i) return undefined;
  const voided = events[target];
  return readable(voided) && voided.type !== 'opened' && voided.type !== 'voided' ? target : undefined;
}

/**
 * Index of each voided event → index of the `voided` event that voids it (the first one). A
 * `voided` event dated after `cut` does not count: as of then, the mistake stood.
 */
export function voidedEvents(
  events: readonly unknown[],
  readAt: (value: unknown) => number,
  cut: number | undefined,
): ReadonlyMap<number, number> {
  let voids: Map<number, number> | undefined;
  for (let i = 0; i < events.length; i++) {
    const target = targetOf(events, i);
    if (target === undefined || voids?.has(target)) continue;
    if (cut !== undefined) {
      let at: number;
      try {
        at = readAt((events[i] as Record<string, unknown>).at);
      } catch {
        continue; // the fold refuses it in its place
      }
      if (at > cut) continue;
    }
    (voids ??= new Map()).set(target, i);
  }
  // Most logs void nothing: one shared empty map, never written, rather than a new one per case.
  return voids ?? NO_VOIDS;
}

/** What {@link voidedEvents} gives for a log that voids nothing: one empty map, never written. */
export const NO_VOIDS: ReadonlyMap<number, number> = new Map<number, number>();

/** Checks the `voided` event at index `i` in its place in the fold; `voids` is {@link voidedEvents}. */
export function checkVoid(events: readonly unknown[], i: number, raw: Record<string, unknown>, voids: ReadonlyMap<number, number>): void {
  text(raw.reason, 'reason', 'voided');
  const target = raw.event;
  if (typeof target !== 'number' || !Number.isInteger(target) || target < 0 || target >= i)
    refuse('engine/cannot-void', `"event" is the index of an earlier event in the log (0 to ${i - 1}), got ${describe(target)}.`);
  const voided = events[target as number] as Record<string, unknown>;
  if (readable(voided) && voided.type === 'opened')
    refuse('engine/cannot-void', 'The opening cannot be voided; a case opened in error is withdrawn (and closed).');
  if (readable(voided) && voided.type === 'voided')
    refuse(
      'engine/cannot-void',
      `Event ${target} is itself a correction; a "voided" event cannot be voided. Record the event again instead.`,
    );
  if (voids.get(target as number) !== i)
    refuse('engine/cannot-void', `Event ${target} is already voided (by event ${voids.get(target as number)}).`);
}
