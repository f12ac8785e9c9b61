// The public API: named re-exports only. Anything not listed here is internal.

export { TimeError, type Issue } from './time/timeError.js';
export {
  REGIONS,
  SUPPORTED_RANGE,
  createCalendar,
  holidaysBetween,
  type Region,
  type Calendar,
  type CalendarLike,
  type CalendarOptions,
  type Closure,
  type NonWorkingDay,
} from './time/calendar.js';
export { calendarFromGovUkFeed, type CalendarResult } from './time/govUkFeed.js';
export { parseInstant, toLondonDate, toLondonInstant, type InstantInput, type InstantResult } from './time/instant.js';
export { isWorkingDay, nextWorkingDay, addWorkingDays, workingDaysBetween, endOfDay, isProvisional } from './time/workingDays.js';
export {
  parseDuration,
  formatDuration,
  due,
  addHours,
  addDays,
  addWeeks,
  addMonths,
  DURATION_SYNTAX,
  type Duration,
  type DurationResult,
  type Due,
} from './time/duration.js';
export { evaluateTimescale, type Timescale, type TimescaleResult } from './time/timescale.js';

// The protocol language
export {
  ProtocolSchema,
  CitationSchema,
  StageSchema,
  ObligationSchema,
  RecordSchema,
  RoleSchema,
  VariantSchema,
  BypassSchema,
  AcceptanceSchema,
  ArisingSchema,
  SUBJECTS,
  ROLE_SIDES,
  RECORD_KINDS,
  type Protocol,
  type ProtocolInput,
  type Stage,
  type Obligation,
  type RecordType,
  type Role,
  type BypassRule,
  type Variant,
  type Citation,
  type Acceptance,
  type Subject,
  type TimescaleInput,
  type Arising,
  type Condition,
} from './protocol/schema.js';
export { ConditionSchema, MODALITIES, type ConditionInput } from './protocol/_language2.js';
export { ISSUE_CODES, type IssueCode, type ProtocolIssue, type Severity } from './protocol/issues.js';
export {
  parseProtocol,
  parseProtocolOrThrow,
  loadProtocol,
  locateIssues,
  ProtocolError,
  type ProtocolResult,
  type LoadOptions,
} from './protocol/parse.js';
export { MAX_PROTOCOL_SIZE } from './protocol/_input.js';
export { checkProtocol } from './protocol/check.js';
export { migrateProtocolText, type MigrationChange, type MigrationResult } from './protocol/migrate.js';
export { lintProtocol, type LintOptions, type LintRule } from './protocol/lint.js';
export { acceptFindings, type AcceptOptions } from './protocol/accept.js';
export { diffProtocols, type ProtocolChange, type ChangeArea } from './protocol/diff.js';
export { toJSONSchema, type JSONSchemaOptions } from './protocol/jsonSchema.js';
export { defineProtocol, type TypedProtocolInput } from './protocol/define.js';
export { createRegistry, RegistryError, type ProtocolRegistry } from './protocol/registry.js';
export { protocolDigest } from './protocol/digest.js';

// The engine
export { applyEvent, openCase, replay, allowedNow } from './engine/applyEvent.js';
export { status } from './engine/status.js';
export { plan } from './engine/plan.js';
export { parseEvent, EVENT_ISSUE_CODES, type EventResult } from './engine/parseEvent.js';
export { worklist, type WorkItem, type Worklist, type WorklistOptions } from './engine/worklist.js';
export { phaseOf, type PhaseResult } from './engine/phaseOf.js';
export { nextChange, type NextChangeResult } from './engine/nextChange.js';
export { REFUSAL_CODES, REFUSAL_CATEGORIES, FUTURE_TOLERANCE_MINUTES } from './engine/types.js';
export type * from './engine/types.js';
export {
  runScenarios,
  ScenarioFileSchema,
  type ScenarioFile,
  type ScenarioResult,
  type ScenarioFailure,
  type ScenarioRunResult,
} from './engine/scenarios.js';

// Reports over many cases, for a partnership
export { report, createReport, agencyLog } from './report/report.js';
export { agencyLogCsv } from './report/agencyLog.js';
export { csvField, toCsv } from './report/csv.js';
export { reportCsv } from './report/reportCsv.js';
export type * from './report/types.js';

// Rendering
export { renderMermaid } from './render/mermaid.js';
export { renderMarkdown, type MarkdownOptions } from './render/markdown.js';
export { renderTimeline } from './render/gantt.js';
export { renderDiff } from './render/diff.js';
export { renderReportMarkdown, type ReportMarkdownOptions } from './render/reportMarkdown.js';
export { reportCharts, type ReportCharts } from './render/reportCharts.js';
export {
  timescaleInWords,
  timescaleInGrammar,
  anchorInWords,
  effectInWords,
  ownersInWords,
  conditionInWords,
  arisingInWords,
  modalityInWords,
  attendanceInWords,
  repeatInWords,
} from './protocol/words.js';
export { getProtocol, bundledRegistry, BUNDLED_PROTOCOL_IDS, type BundledProtocolId } from './protocol/bundled.js';
