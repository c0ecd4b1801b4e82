// Public API of @docscreen/input-values: the one reading of what clients send as dates, date-times
// and text, shared by every API's validation, the manifest readers and the PAXLST mapper.
export {
  calendarDayProblem,
  daysInMonth,
  isCalendarDate,
  isLeapYear,
  readCalendarDate,
  readLocalDateTime,
  timeOfDayProblem,
} from './calendar.js';
export type { CalendarReading } from './calendar.js';
export { findTextProblems, refusedCharacterAt, textProblem } from './text.js';
export type { FindTextOptions, TextFieldProblem, TextOptions } from './text.js';
