import { isCalendarDate } from '../model/dates.js';

/** Formats the schemas use beyond JSON Schema's own (see ajv-setup.ts); the build's generated validators require this module. */
export const formats = {
  date: { type: 'string', validate: isCalendarDate },
} as const;
