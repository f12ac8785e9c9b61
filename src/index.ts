// The public API: named re-exports only. Anything not listed here is internal.

export { TimeError, type Issue } from './time/timeError.js';
export {
  REGIONS,
  SUPPORTED_RANGE,
  createCalendar,
  calendarFromGovUkFeed,
  holidaysBetween,
  type Region,
  type Calendar,
  type CalendarLike,
  type CalendarOptions,
  type CalendarResult,
  type Closure,
  type NonWorkingDay,
} from './time/calendar.js';
export { parseInstant, toLondonDate, toLondonInstant, type InstantInput, type InstantResult } from './time/instant.js';
export { isWorkingDay, nextWorkingDay, addWorkingDays, workingDaysBetween, endOfDay } from './time/workingDays.js';
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
