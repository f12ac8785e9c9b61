import { describe, expectTypeOf, it } from 'vitest';
import { defineProtocol, type Protocol } from '../../src/index.js';

const base = {
  id: 'typed',
  title: 'Typed',
  partnership: 'P',
  version: '1',
  effectiveFrom: '2026-01-01',
  source: { title: 'T', publisher: 'P' },
  scope: { subjects: ['child'] },
} as const;

describe('defineProtocol', () => {
  it('returns a Protocol', () => {
    const define = () =>
      defineProtocol({
        ...base,
        roles: [{ id: 'practitioner', title: 'Practitioner', side: 'raising' }],
        stages: [{ id: 'stage-1', title: 'One', owners: ['practitioner'] }],
      });
    expectTypeOf(define).returns.toEqualTypeOf<Protocol>();
  });

  it('rejects an owner that is not a declared role at compile time', () => {
    const define = () =>
      defineProtocol({
        ...base,
        roles: [{ id: 'practitioner', title: 'Practitioner', side: 'raising' }],
        // @ts-expect-error 'practioner' is not a declared role id
        stages: [{ id: 'stage-1', title: 'One', owners: ['practioner'] }],
      });
    expectTypeOf(define).toBeFunction();
  });

  it('rejects a skip to an undeclared stage and an unknown record', () => {
    const define = () =>
      defineProtocol({
        ...base,
        roles: [{ id: 'practitioner', title: 'Practitioner', side: 'raising' }],
        records: [{ id: 'form', title: 'Form', kind: 'form' }],
        stages: [
          // @ts-expect-error 'stage-9' is not a declared stage, 'from' is not a declared record
          { id: 'stage-1', title: 'One', owners: ['practitioner'], skips: [{ to: 'stage-9' }], requires: ['from'] },
          { id: 'stage-2', title: 'Two', owners: ['practitioner'] },
        ],
      });
    expectTypeOf(define).toBeFunction();
  });

  it('rejects a wrong unit type and an unknown side', () => {
    const define = () =>
      defineProtocol({
        ...base,
        // @ts-expect-error side must be raising, receiving or independent
        roles: [{ id: 'practitioner', title: 'Practitioner', side: 'both' }],
        stages: [{ id: 'stage-1', title: 'One', owners: ['practitioner'] }],
      });
    expectTypeOf(define).toBeFunction();
  });
});
