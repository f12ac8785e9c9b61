// A small protocol that uses every construct of protocol language 2 (#12), for the renderers' tests
// (the flowchart and timeline in words here, and Mermaid's parser in test/docs/render.browser.test.ts).
// Its wording echoes the documents the constructs come from; its numbers are the tests' own.
import { parseProtocolOrThrow, type ProtocolInput } from '../../src/index.js';

export const everyConstructInput = {
  id: 'every-construct',
  title: 'Every construct procedure',
  partnership: 'Test Partnership',
  version: '1',
  effectiveFrom: '2024-01-01',
  source: { title: 'Every construct', publisher: 'Tests' },
  scope: {
    subjects: ['child'],
    preconditions: [
      {
        id: 'dissent-exhausted',
        description: 'The conference dissent process should be exhausted.',
        appliesWhen: 'conference-decision',
        modality: 'should',
      },
    ],
    excludes: [{ id: 'complaints', description: 'This does not replace the complaints process.' }],
  },
  facts: [{ id: 'priority', title: 'Priority', values: ['high', 'standard'] }],
  roles: [
    { id: 'practitioner', title: 'Practitioner', side: 'raising' },
    { id: 'manager', title: 'Receiving manager', side: 'receiving' },
    { id: 'lead', title: 'Designated safeguarding lead', side: 'unstated' },
    { id: 'chair', title: 'Partnership chair', side: 'independent' },
  ],
  records: [
    { id: 'log', title: 'Disagreement log', kind: 'log' },
    {
      id: 'panel-meeting',
      title: 'Panel meeting',
      kind: 'meeting',
      attendance: { otherAgencies: 2, roles: ['chair'], independentChair: true },
    },
    { id: 'outcome', title: 'Written confirmation of the outcome', kind: 'written-confirmation' },
  ],
  stages: [
    {
      id: 'stage-1',
      title: 'Stage 1: Discussion',
      owners: ['practitioner', 'lead'],
      obligations: [
        {
          id: 'keep-log',
          action: 'Each agency keeps a log',
          owners: { each: ['practitioner', 'manager'] },
          record: 'log',
          due: { within: '2wd', from: 'disagreement' },
        },
        { id: 'refer', action: 'Refer urgently', owner: 'lead', due: { none: 'urgently', assume: { within: '1wd' } } },
        { id: 'visit', action: 'Visit the child', owner: 'practitioner', every: '1d', until: 'record:log', due: { within: '1d' } },
        { id: 'respond', action: 'Respond', owner: 'manager', due: { target: { within: '24h', from: 'disagreement' } } },
        { id: 'consider', action: 'Consider a review', owner: 'lead', modality: 'may', due: { within: '3wd' } },
      ],
    },
    {
      id: 'stage-2',
      title: 'Stage 2: Managers',
      owners: ['manager'],
      obligations: [
        {
          id: 'agree',
          action: 'Agree together',
          owners: { together: ['practitioner', 'manager'] },
          modality: 'should',
          due: { within: '5wd', from: 'disputedDecision' },
        },
        { id: 'urgent', action: 'Act at once', owner: 'manager', if: { fact: 'priority', is: 'high' }, due: { within: '1wd' } },
      ],
      skips: [{ to: 'stage-3', if: { fact: 'priority', is: 'high' } }],
    },
    {
      id: 'stage-3',
      title: 'Stage 3: Panel',
      owners: ['chair'],
      onlyAfter: { stages: ['stage-1', 'stage-2'] },
      obligations: [
        {
          id: 'hold-panel',
          action: 'Hold the panel',
          owner: 'chair',
          record: 'panel-meeting',
          due: { within: '10wd', from: 'completed:stage-2' },
        },
        { id: 'check', action: 'Check progress', owner: 'chair', due: { at: '6w', from: 'record:panel-meeting' } },
      ],
      requiresIf: [{ record: 'outcome', if: { visited: 'stage-2' } }],
    },
  ],
  arising: [
    {
      id: 'confirm-outcome',
      on: 'resolved:stage-3',
      action: 'Confirm the agreed outcome in writing',
      owner: 'chair',
      record: 'outcome',
      due: { within: '2wd' },
    },
    {
      id: 'tell-lead',
      on: 'escalated:stage-2',
      action: 'Tell the lead',
      owner: 'practitioner',
      modality: 'should',
      due: { within: '1wd' },
    },
    {
      id: 'learning',
      on: 'withdrawn',
      action: 'Share the learning',
      owners: { together: ['practitioner', 'manager'] },
      due: { within: '1mo' },
    },
  ],
} satisfies ProtocolInput;

export const everyConstruct = parseProtocolOrThrow(everyConstructInput);
