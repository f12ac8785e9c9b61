// What an editor shows for each key of a protocol file: descriptions on hover (`description`, and
// `markdownDescription` for VS Code), completions (`examples`, `defaultSnippets`) and plain-words
// messages for patterns (`patternErrorMessage`). Keyed by "<the key holding the object>.<key>", with
// the plain key as a fallback; test/protocol/editor.test.ts fails when a property has no words.

type Json = Record<string, unknown>;

const CITE = 'Where in the document this comes from: `{ "section": "...", "quote": "..." }`, the quote copied verbatim.';
const ROLE = 'The id of a role declared in `roles`.';
const ROLES = 'Role ids from `roles`.';

/** @internal Hover text by "<parent>.<key>" or "<key>". */
export const DESCRIPTIONS: Readonly<Record<string, string>> = {
  '.$schema':
    'The JSON Schema of protocol files, for editors: `node_modules/escalation-protocols/schema.json`, or a schema from `escalation-protocols schema --for <file>`.',
  '.id': "The protocol's id, lower-case with hyphens (`swindon`); the file is named `<id>.json`.",
  '.title': "The document's title, as it gives it.",
  '.partnership': 'The safeguarding partnership (or board) that publishes the procedure.',
  '.version': "The document's own version or revision label, e.g. `v14` or `2024-01`.",
  '.effectiveFrom': 'The date the procedure took effect, `YYYY-MM-DD`; a case uses the version in force when it opened.',
  '.reviewBy': "The document's review date, `YYYY-MM-DD`; `validate` warns once it has passed (`lint/review-date-passed`).",
  '.source': 'The published document: `title`, `publisher`, `published`, `url`.',
  'source.title': "The document's title.",
  'source.publisher': 'Who publishes the document.',
  'source.url': 'Where the document is published.',
  '.scope': 'Whom the procedure covers, what must happen first, and whose bank holidays count.',
  'scope.subjects': '`child`, `adult` (with care and support needs), `careLeaver`.',
  'scope.careLeaversUpToAge': 'The age (18 to 25) up to which care-experienced young people are covered.',
  'scope.preconditions': 'What must be exhausted before this procedure starts (Swindon: the conference dissent process).',
  'scope.region': 'Whose bank holidays count as non-working days: `england-and-wales` by default.',
  'preconditions.id': 'A lower-case id for this precondition.',
  'preconditions.description': "What must have happened first, in the document's words.",
  '.roles': 'The owners the document names, each on the raising side, the receiving side, or independent.',
  'roles.id': 'A lower-case id that owners, obligations and rules refer to, e.g. `raising-line-manager`.',
  'roles.title': 'The role as the document names it.',
  'roles.side': '`raising` (the agency raising the concern), `receiving` (the agency whose decision is disputed) or `independent`.',
  '.records': "The written artefacts the document requires: forms, notes on the child's file, notifications, logs, meetings.",
  'records.id': "A lower-case id that `requires`, an obligation's `record` and `record:<id>` anchors refer to.",
  'records.title': 'The record as the document names it.',
  'records.kind': '`form`, `note`, `written-confirmation`, `notification`, `log`, `meeting` or `report`.',
  'fields.id': 'A lower-case id for the form field.',
  'fields.label': "The field's label as printed on the form.",
  '.stages': 'The stages in order; a case escalates from one to the next unless a stage says otherwise.',
  'stages.id': 'A lower-case id, e.g. `stage-1`; skips, jumps and `entered:`/`completed:` anchors refer to it.',
  'stages.title': 'The stage as the document titles it.',
  'stages.owners': `Who holds the case at this stage. ${ROLES}`,
  'stages.obligations': 'What must be done at this stage, by whom and by when.',
  'stages.canResolve': 'Whether a case may be resolved at this stage (true by default).',
  'stages.skips': 'Later stages the document lets a case jump to from here.',
  'stages.variants': 'Owners and obligations for some subjects only (North Yorkshire stage 5: child and adult).',
  'obligations.id': 'A lower-case id for the obligation, unique in the protocol.',
  'obligations.action': "What must be done, in the document's words.",
  'obligations.owner': `Who must do it. ${ROLE}`,
  'obligations.due':
    'By when: `{ "within": "5wd", "from": "stageEntered" }`, `earliestOf`, `target` + `limit`, or `{ "none": "the document\'s words" }`.',
  'skips.to': 'The id of the later stage the case may jump to.',
  'skips.by': `Who may decide the skip. ${ROLE}`,
  'skips.when': "The condition, in the document's words.",
  'entry.by': `Who may open a case here. ${ROLE}`,
  'entry.when': "The condition, in the document's words.",
  'variants.subjects': 'The subjects this variant is for, e.g. `["adult"]`.',
  'variants.title': "The route's title for these subjects.",
  'variants.owners': `Who holds the case for these subjects. ${ROLES}`,
  'variants.obligations': "Obligations for these subjects, beside the stage's own.",
  '.bypass': 'What happens on immediate risk of significant harm: trigger, action, owner, timescale and effect.',
  'bypass.id': 'A lower-case id for the rule; a case event `bypassed` names it.',
  'bypass.trigger': "When the rule applies, in the document's words.",
  'bypass.action': "What must be done, in the document's words.",
  'bypass.owner': `Who must do it. ${ROLE}`,
  'bypass.due': 'By when, usually `{ "within": "sameWorkingDay", "from": "bypassed" }` or the document\'s words.',
  'bypass.effect':
    '`{ "type": "addObligation" }` (beside the process), `{ "type": "jumpTo", "stage": "<id>" }` or `{ "type": "exitTo", "procedure": "..." }`.',
  'effect.type': '`addObligation`, `jumpTo` or `exitTo`.',
  'effect.stage': 'The id of the stage the case jumps to.',
  'effect.procedure': 'The procedure the case leaves for, e.g. child protection procedures.',
  'timescale.from':
    'What the time is measured from: `stageEntered` (default), `disagreement` (the raising), `disputedDecision` (the decision or action disputed), `caseOpened`, `bypassed`, `entered:<stage>`, `completed:<stage>` or `record:<record>`.',
  'timescale.earliestOf': '"Whichever is the sooner": two or more timescales.',
  'timescale.target': 'The target ("within 24 hours"), beside a `limit` ("and not longer than 5 working days").',
  'timescale.limit': 'The latest date, beside a `target`.',
  // #12 part B
  'excludes.id': 'A lower-case id for this exclusion.',
  'assume.from': "What the assumed time is measured from, like a timescale's `from` (`stageEntered` by default).",
  'scope.excludes':
    'What the procedure does not replace or cover, in the document\'s words ("this does not replace the complaints process").',
  'timescale.at': 'At this long after `from`, and not before ("six weeks post conference": `{ "at": "6w", "from": "record:conference" }`).',
  'timescale.assume':
    'The partnership\'s working assumption for the document\'s words, e.g. `{ "within": "1wd" }` for "urgently"; shown as the partnership\'s, never the document\'s.',
  '.accepted': 'Findings the partnership has seen and accepts (`code`, `path`, `reason`): `validate --strict` passes them.',
  'accepted.code': "The finding's code, e.g. `lint/skip-over-stage`.",
  'accepted.path': "The finding's `path` as `validate --format json` prints it.",
  'accepted.reason': 'Why the finding stays; say it in `notes` too.',
  // #12 part A (Protocol language 2).
  'requiresIf.record': 'The id of a record (from `records`) required at this stage when the condition holds.',
  'requiresIf.if': 'The condition, e.g. `{ "visited": "stage-4" }` or `{ "fact": "step-down" }`.',
  'arising.id': 'A lower-case id for the duty, unique among obligations; a later occurrence is `<id>#2`.',
  'arising.action': "What must be done, in the document's words.",
  all: 'Every one of these conditions holds.',
  any: 'At least one of these conditions holds.',
  not: 'This condition does not hold.',
  source: CITE,
  section: 'The heading or numbered section, e.g. "4. Stages".',
  quote: 'The sentence this encodes, copied verbatim from the document ("..." elides).',
};

const DURATIONS = ['5wd', '24h', '7d', '6w', '1mo', 'immediately', 'sameWorkingDay'];
const ANCHORS = [
  'stageEntered',
  'disagreement',
  'disputedDecision',
  'caseOpened',
  'bypassed',
  'entered:stage-1',
  'completed:stage-1',
  'record:record-id',
];

/** @internal Completions and plain-words pattern messages, by the same keys. */
export const EXTRAS: Readonly<Record<string, Json>> = {
  'timescale.within': {
    examples: DURATIONS,
    patternErrorMessage:
      'Write a number and a unit: 5wd (working days), 24h (hours), 7d (calendar days), 6w (weeks), 1mo (months); or immediately, or sameWorkingDay.',
  },
  'timescale.from': {
    examples: ANCHORS,
    patternErrorMessage:
      'Measure from stageEntered, disagreement, disputedDecision, caseOpened, bypassed, entered:<stage id>, completed:<stage id> or record:<record id>.',
  },
  '.effectiveFrom': { examples: ['2024-01-01'], patternErrorMessage: 'Write the date as YYYY-MM-DD, e.g. 2024-01-31.' },
  '.reviewBy': { examples: ['2026-01-01'], patternErrorMessage: 'Write the date as YYYY-MM-DD, e.g. 2026-01-31.' },
  '.stages': {
    defaultSnippets: [
      {
        label: 'New stage',
        body: [
          {
            id: '${1:stage-n}',
            title: '${2:Stage N: ...}',
            owners: ['${3:role-id}'],
            obligations: [],
            source: { quote: '${4:the sentence}' },
          },
        ],
      },
    ],
  },
  'stages.obligations': {
    defaultSnippets: [
      {
        label: 'New obligation',
        body: [
          {
            id: '${1:obligation-id}',
            action: '${2:what must be done}',
            owner: '${3:role-id}',
            due: { within: '${4:5wd}', from: '${5:stageEntered}' },
            source: { quote: '${6:the sentence}' },
          },
        ],
      },
    ],
  },
  '.records': {
    defaultSnippets: [
      {
        label: 'New record',
        body: [{ id: '${1:record-id}', title: '${2:title}', kind: '${3:note}', source: { quote: '${4:the sentence}' } }],
      },
    ],
  },
  '.bypass': {
    defaultSnippets: [
      {
        label: 'New bypass rule',
        body: [
          {
            id: '${1:immediate-risk}',
            trigger: '${2:a child is at immediate risk}',
            action: '${3:refer to MASH}',
            owner: '${4:role-id}',
            due: { within: 'sameWorkingDay', from: 'bypassed' },
            effect: { type: 'addObligation' },
            source: { quote: '${5:the sentence}' },
          },
        ],
      },
    ],
  },
};

const ID_MESSAGE = 'Ids are lower-case letters, digits and hyphens, starting with a letter or digit, e.g. stage-1.';
const plain = (text: string): string => text.replace(/`/g, '');

/**
 * @internal Calls `visit(property, key, parent)` for every property of every object in a JSON
 * Schema; `parent` is the key holding the object ("" at the top, "timescale" inside $defs).
 */
export function eachProperty(schema: unknown, visit: (property: Json, key: string, parent: string) => void, parent = ''): void {
  if (schema === null || typeof schema !== 'object') return;
  if (Array.isArray(schema)) return schema.forEach((s) => eachProperty(s, visit, parent));
  for (const [k, v] of Object.entries(schema as Json)) {
    if (k === 'properties' && v && typeof v === 'object') {
      for (const [key, property] of Object.entries(v as Json)) {
        visit(property as Json, key, parent);
        eachProperty(property, visit, key);
      }
    } else if (k === '$defs' && v && typeof v === 'object')
      for (const def of Object.values(v as Json)) eachProperty(def, visit, 'timescale');
    else eachProperty(v, visit, parent);
  }
}

const FIXED_ANCHORS = ['stageEntered', 'disagreement', 'caseOpened', 'bypassed'];

/** The ids of one list in a protocol file, as written (the file may not be valid yet). */
function ids(value: unknown, key: string): string[] {
  const list = value && typeof value === 'object' ? (value as Json)[key] : undefined;
  if (!Array.isArray(list)) return [];
  return [
    ...new Set(
      list.map((x) => (x && typeof x === 'object' ? (x as Json)['id'] : undefined)).filter((id): id is string => typeof id === 'string'),
    ),
  ];
}

/**
 * @internal Narrows the references of a generated JSON Schema to one file's ids, in place: owners
 * to its roles, skips and jumps to its stages, required records to its records, anchors to all three,
 * so an editor completes and checks them.
 */
export function addReferences(schema: Json, file: unknown): void {
  const roles = ids(file, 'roles');
  const stages = ids(file, 'stages');
  const records = ids(file, 'records');
  const anchors = [...FIXED_ANCHORS, ...stages.flatMap((s) => [`entered:${s}`, `completed:${s}`]), ...records.map((r) => `record:${r}`)];
  const one = (property: Json, values: string[], what: string): void => {
    property['enum'] = values;
    property['markdownDescription'] =
      `${String(property['markdownDescription'] ?? '')} In this file: ${values.map((v) => `\`${v}\``).join(', ') || `no ${what} yet`}.`;
  };
  const many = (property: Json, values: string[], what: string): void => {
    if (property['items'] && typeof property['items'] === 'object') one(property['items'] as Json, values, what);
  };
  eachProperty(schema, (property, key, parent) => {
    const at = `${parent}.${key}`;
    if (['obligations.owner', 'bypass.owner', 'skips.by', 'entry.by'].includes(at)) one(property, roles, 'roles');
    else if (at === 'stages.owners' || at === 'variants.owners') many(property, roles, 'roles');
    else if (at === 'skips.to' || at === 'effect.stage') one(property, stages, 'stages');
    else if (at === 'stages.requires') many(property, records, 'records');
    else if (at === 'obligations.record') one(property, records, 'records');
    else if (at === 'timescale.from') one(property, anchors, 'anchors');
  });
}

/** @internal Adds the words, completions and messages above to a generated JSON Schema, in place. */
export function addEditorHelp(schema: Json): void {
  eachProperty(schema, (property, key, parent) => {
    const text =
      DESCRIPTIONS[`${parent}.${key}`] ??
      DESCRIPTIONS[key] ??
      (typeof property['description'] === 'string' ? property['description'] : undefined);
    if (text !== undefined) {
      property['description'] = plain(text);
      property['markdownDescription'] = text;
    }
    Object.assign(property, EXTRAS[`${parent}.${key}`]);
    const items = property['items'] as Json | undefined;
    if (property['pattern'] === '^[a-z0-9][a-z0-9-]*$') property['patternErrorMessage'] = ID_MESSAGE;
    if (items?.['pattern'] === '^[a-z0-9][a-z0-9-]*$') items['patternErrorMessage'] = ID_MESSAGE;
  });
}
