// A small protocol shaped like Swindon's (5 stages of 2, 5, 5, 5, 5 working days, each from the
// completion of the previous stage) for engine unit tests; the bundled protocols are tested separately.
import { applyEvent, parseProtocolOrThrow, type Case, type CaseEvent, type Protocol, type ProtocolInput } from '../../src/index.js';

export const fixtureInput = {
  id: 'fixture',
  title: 'Fixture procedure',
  partnership: 'Test Partnership',
  version: '1',
  effectiveFrom: '2024-01-01',
  reviewBy: '2026-01-31',
  source: { title: 'Fixture', publisher: 'Tests' },
  scope: {
    subjects: ['child', 'adult'],
    preconditions: [
      { id: 'cp-dissent-exhausted', description: 'The conference dissent process is exhausted.', appliesWhen: 'conference-decision' },
    ],
  },
  roles: [
    { id: 'practitioner', title: 'Practitioner', side: 'raising' },
    { id: 'line-manager', title: 'Line manager', side: 'raising' },
    { id: 'head-of-service', title: 'Head of service', side: 'receiving' },
    { id: 'chair', title: 'Partnership chair', side: 'independent' },
    { id: 'adult-board', title: 'Adult board manager', side: 'independent' },
  ],
  records: [
    { id: 'child-file', title: "Entry on the child's file", kind: 'note' },
    { id: 'form', title: 'Resolution form', kind: 'form', noChildOrFamilyDetails: true },
    { id: 'meeting', title: 'Panel meeting', kind: 'meeting' },
  ],
  stages: [
    {
      id: 'stage-1',
      title: 'Internal',
      owners: ['practitioner'],
      obligations: [{ id: 's1-discuss', action: 'Discuss', owner: 'practitioner', due: { within: '2wd', from: 'disagreement' } }],
    },
    {
      id: 'stage-2',
      title: 'Inter-agency',
      owners: ['practitioner'],
      requires: ['child-file'],
      obligations: [{ id: 's2-discuss', action: 'Discuss', owner: 'practitioner', due: { within: '5wd', from: 'completed:stage-1' } }],
    },
    {
      id: 'stage-3',
      title: 'Managers',
      owners: ['line-manager'],
      skips: [{ to: 'stage-5' }],
      obligations: [
        {
          id: 's3-contact',
          action: 'Contact',
          owner: 'line-manager',
          due: { target: { within: '24h' }, limit: { within: '5wd', from: 'completed:stage-2' } },
        },
      ],
    },
    {
      id: 'stage-4',
      title: 'Heads',
      owners: ['head-of-service'],
      obligations: [{ id: 's4-contact', action: 'Contact', owner: 'head-of-service', due: { within: '5wd', from: 'completed:stage-3' } }],
    },
    {
      id: 'stage-5',
      title: 'Partnership',
      variants: [
        {
          subjects: ['child'],
          owners: ['chair'],
          obligations: [
            {
              id: 's5-refer-child',
              action: 'Refer to chair',
              owner: 'line-manager',
              record: 'form',
              due: { within: '5wd', from: 'completed:stage-4' },
            },
          ],
        },
        {
          subjects: ['adult'],
          owners: ['adult-board'],
          obligations: [{ id: 's5-refer-adult', action: 'Refer to board', owner: 'line-manager', due: { within: '1wd' } }],
        },
      ],
    },
    {
      id: 'panel',
      title: 'Panel',
      owners: ['chair'],
      obligations: [
        {
          id: 'panel-decide',
          action: 'Decide',
          owner: 'chair',
          due: {
            earliestOf: [
              { within: '13wd', from: 'disagreement' },
              { within: '48h', from: 'record:meeting' },
            ],
          },
        },
        { id: 'panel-learning', action: 'Disseminate learning', owner: 'chair', due: { within: '1mo', from: 'record:meeting' } },
      ],
    },
  ],
  bypass: [
    {
      id: 'immediate-risk',
      trigger: 'Immediate risk of significant harm',
      action: 'Refer to MASH',
      owner: 'practitioner',
      due: { within: 'sameWorkingDay', from: 'bypassed' },
      effect: { type: 'addObligation' },
    },
    {
      id: 'jump',
      trigger: 'Significant concern',
      action: 'Inform the partnership',
      owner: 'practitioner',
      due: { within: 'immediately', from: 'bypassed' },
      effect: { type: 'jumpTo', stage: 'stage-3' },
    },
    {
      id: 'exit',
      trigger: 'Emergency',
      action: 'Call 999',
      owner: 'practitioner',
      due: { within: 'immediately', from: 'bypassed' },
      effect: { type: 'exitTo', procedure: 'Child protection procedures' },
    },
  ],
} satisfies ProtocolInput;

export const fixture = parseProtocolOrThrow(fixtureInput);
export const fixtureV2 = parseProtocolOrThrow({
  ...fixtureInput,
  version: '2',
  effectiveFrom: '2027-01-01',
  reviewBy: '2029-01-01',
  stages: fixtureInput.stages.map((s) =>
    s.id === 'stage-1' ? { ...s, obligations: [{ ...s.obligations![0]!, due: { within: '1wd', from: 'disagreement' } }] } : s,
  ),
});

/** A case built by applying each event in turn; a refusal fails the test with its code and message. */
export function buildCase(protocol: Protocol, events: readonly CaseEvent[]): Case {
  let kase: Case = { protocol: { id: protocol.id, version: protocol.version }, events: [] };
  for (const event of events) {
    const result = applyEvent(protocol, kase, event);
    if (!result.success) throw new Error(`${result.refusal.code}: ${result.refusal.message}`);
    kase = result.case;
  }
  return kase;
}
