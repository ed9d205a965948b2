import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { choiceFor } from '../input/choice-words.js';
import type { Messages } from '../i18n/index.js';
import { strictDateSpelling, strictMonthSpelling } from '../input/dates.js';
import { diagnosticAtPath, type FileKind, type PathSegment, type SourceFile } from '../load/source-file.js';
import { quotedExcerpt, sortDiagnostics, type Diagnostic } from './diagnostic.js';
import { newAjv, SCHEMA_OF } from './ajv-setup.js';
import { precompiled } from './precompiled.js';
import commonSchema from '../../schemas/common.json' with { type: 'json' };

/** More schema errors than this in one file are summarised in one line: the first ones say enough. */
const MAX_ERRORS_PER_FILE = 50;

let compiled: Record<FileKind, ValidateFunction> | undefined;
let compiledAjv: ReturnType<typeof newAjv> | undefined;

/** Compiles the file schemas once per process, for the messages of a file that fails its schema. */
function validators(): Record<FileKind, ValidateFunction> {
  if (compiled) return compiled;
  const ajv = newAjv();
  compiledAjv = ajv;
  const entries = Object.entries(SCHEMA_OF).map(([kind, schema]) => [kind, ajv.getSchema(schema.$id)!] as const);
  compiled = Object.fromEntries(entries) as Record<FileKind, ValidateFunction>;
  return compiled;
}

/** Whether the data passes its schema: by the build's precompiled validator when there is one. */
function passes(kind: FileKind, data: unknown): boolean {
  return (precompiled?.[kind] ?? validators()[kind])(data);
}

/**
 * Checks one parsed file against its schema; every error points at the offending node. `usable` is
 * the file's data without the values that are wrong (at the paths `removed`), when that is enough
 * to make it valid (so the rules across files can still run on it), else undefined.
 */
export function schemaDiagnostics(file: SourceFile, msg: Messages): { diagnostics: Diagnostic[]; usable: unknown; removed: PathSegment[][] } {
  if (passes(file.kind, file.data)) return { diagnostics: [], usable: file.data, removed: [] };
  const validate = errorsOf(file.kind);
  const errors = (validate(file.data) ?? []).filter((e) => !isNestedPropertyNameError(e));
  // The first ones in the file are shown; the count of the rest comes after them, at the last one shown.
  const all = sortDiagnostics(onePerPosition(errors.map((error) => toDiagnostic(file, error, msg))));
  const diagnostics = all.slice(0, MAX_ERRORS_PER_FILE);
  if (all.length > MAX_ERRORS_PER_FILE) {
    const last = diagnostics[diagnostics.length - 1]!;
    diagnostics.push({ ...last, rule: 'schema', message: msg.moreDiagnostics(all.length - MAX_ERRORS_PER_FILE, file.path), trailer: true });
  }
  return { diagnostics, ...withoutWrongValues(file.data, errors, validate) };
}

/** Rounds of removing wrong values before giving up: each round climbs one level where a removal left a key missing. */
const PRUNE_ROUNDS = 4;

/**
 * A copy of `data` without the values the schema rejects, or undefined. Each wrong value goes with the
 * nearest key of a mapping that holds it (an item of a list takes the whole key with it, so the other
 * items keep their indices and positions); a missing required key takes its mapping. Whatever
 * remains must pass the schema.
 */
function withoutWrongValues(data: unknown, firstErrors: readonly ErrorObject[], validate: (data: unknown) => ErrorObject[] | null): { usable: unknown; removed: PathSegment[][] } {
  const copy = structuredClone(data);
  const removed: PathSegment[][] = [];
  let errors = firstErrors;
  for (let round = 0; round < PRUNE_ROUNDS; round++) {
    for (const error of errors) {
      const path = parsePointer(error.instancePath);
      if (error.keyword === 'additionalProperties' || error.keyword === 'propertyNames') {
        path.push(String(error.params.additionalProperty ?? error.params.propertyName));
      }
      const gone = removeNearestKey(copy, path);
      if (gone) removed.push(gone);
    }
    const left = validate(copy);
    if (left === null) return { usable: copy, removed };
    errors = left;
  }
  return { usable: undefined, removed };
}

/** Tasks in a domain file above which its schema errors are collected task by task (see errorsOf). */
const TASKS_VALIDATED_ONE_BY_ONE = 200;

/**
 * Every schema error of a file, or null when it passes. ajv collecting all errors of a long list
 * at once takes time that grows faster than the list (20,000 bad tasks took seconds, 40,000 a
 * minute), so a long domain file is checked as its other keys plus each task on its own, with the
 * errors placed as the whole file's check would place them.
 */
function errorsOf(kind: FileKind): (data: unknown) => ErrorObject[] | null {
  const whole = validators()[kind];
  const all = (data: unknown) => (whole(data) ? null : [...(whole.errors ?? [])]);
  if (kind !== 'domain') return all;
  return (data) => {
    const tasks = (data as { tasks?: unknown } | null)?.tasks;
    if (!Array.isArray(tasks) || tasks.length <= TASKS_VALIDATED_ONE_BY_ONE) return all(data);
    const task = taskValidator();
    const errors = all({ ...(data as object), tasks: [] }) ?? [];
    tasks.forEach((item, i) => {
      if (!task(item)) for (const error of task.errors ?? []) errors.push({ ...error, instancePath: `/tasks/${i}${error.instancePath}` });
    });
    return errors.length === 0 ? null : errors;
  };
}

let taskValidate: ValidateFunction | undefined;

/** The validator of one task of a domain file, from the same schemas as the file's. */
function taskValidator(): ValidateFunction {
  if (taskValidate) return taskValidate;
  validators();
  taskValidate = compiledAjv!.getSchema(`${SCHEMA_OF.domain.$id}#/$defs/task`)!;
  return taskValidate;
}

/** Removes the nearest mapping key at or above `path`; returns the path removed. */
function removeNearestKey(data: unknown, path: PathSegment[]): PathSegment[] | undefined {
  for (let end = path.length; end > 0; end--) {
    const key = path[end - 1]!;
    const holder = valueAt(data, path.slice(0, end - 1));
    if (typeof key === 'string' && holder !== null && typeof holder === 'object' && !Array.isArray(holder)) {
      delete (holder as Record<string, unknown>)[key];
      return path.slice(0, end);
    }
  }
  return undefined;
}

// A key can break two keywords at once (propertyNames and additionalProperties); say it once.
function onePerPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.line}:${d.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// For a bad key ajv reports the propertyNames failure and, again, the inner keyword; one is enough.
function isNestedPropertyNameError(error: ErrorObject): boolean {
  return error.keyword !== 'propertyNames' && 'propertyName' in error;
}

function toDiagnostic(file: SourceFile, error: ErrorObject, msg: Messages): Diagnostic {
  const path = parsePointer(error.instancePath);
  const value = valueAt(file.data, path);
  const at = (where: PathSegment[], message: string, atKey = false) =>
    diagnosticAtPath(file, where, 'error', 'schema', message, atKey);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return at(path, msg.required(String(params.missingProperty)));
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {}).join(', ');
      return at([...path, key], msg.unknownKey(quotedExcerpt(key), allowed), true);
    }
    case 'propertyNames': {
      const key = String(params.propertyName);
      return at([...path, key], msg.forbiddenKey(quotedExcerpt(key)), true);
    }
    case 'type':
      return at(path, withSpelling(withBooleanHint(msg.wrongType(typeList(params.type, msg), describe(value, msg)), value, msg), error, value, msg));
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      // status: 已完成 is the word for a code: say which code to write.
      const code = typeof value === 'string' ? choiceFor(value, allowed) : undefined;
      const message = withBooleanHint(msg.notOneOf(allowed.join(', '), describe(value, msg)), value, msg);
      return at(path, code !== undefined && code !== value ? `${message}${msg.writeCode(code, String(value))}` : message);
    }
    case 'format':
      return at(path, withSpelling(msg.notADate(quotedExcerpt(String(value))), error, value, msg));
    case 'pattern':
      return at(path, withSpelling(msg.badPattern(quotedExcerpt(String(value)), expectedForm(error)), error, value, msg));
    case 'minimum':
      return at(path, msg.tooSmall(Number(params.limit)));
    case 'maximum':
      return at(path, msg.tooLarge2(Number(params.limit)));
    case 'minLength':
      return at(path, msg.emptyText);
    case 'uniqueItems':
      return at([...path, Number(params.i)], msg.notUnique);
    default:
      return at(path, msg.schemaOther(error.message ?? error.keyword));
  }
}

/**
 * A date or month written as people type them (2022/6/30, 20220630, 2022年6月) is refused in a data
 * file, which stays strict; the message gives the strict spelling to copy.
 */
function withSpelling(message: string, error: ErrorObject, value: unknown, msg: Messages): string {
  const schema = error.parentSchema as { format?: string; pattern?: string } | undefined;
  const strict = schema?.format === 'date' ? strictDateSpelling(value) : schema?.pattern === MONTH_PATTERN ? strictMonthSpelling(value) : undefined;
  return strict !== undefined && strict !== value ? `${message}${msg.spellAs(strict)}` : message;
}

/** YAML 1.1 read yes/no/on/off as booleans; YAML 1.2, which is read here, keeps them as text. Say so. */
function withBooleanHint(message: string, value: unknown, msg: Messages): string {
  return typeof value === 'string' && /^(?:y|n|yes|no|on|off)$/i.test(value) ? `${message}; ${msg.plainTextBoolean(value)}` : message;
}

/** Decodes a JSON pointer such as /tasks/3/due into path segments. */
export function parsePointer(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function valueAt(data: unknown, path: PathSegment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function typeList(type: unknown, msg: Messages): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((t: string) => msg.typeNames[t] ?? t).join(' / ');
}

function describe(value: unknown, msg: Messages): string {
  if (value === null) return msg.typeNames.null!;
  if (Array.isArray(value)) return msg.typeNames.array!;
  if (typeof value === 'object') return msg.typeNames.object!;
  if (typeof value === 'string') return JSON.stringify(quotedExcerpt(value));
  return quotedExcerpt(String(value));
}

/** Human description of a pattern: the schema's own description where it has one. */
const MONTH_PATTERN = (commonSchema.$defs.month as { pattern: string }).pattern;

function expectedForm(error: ErrorObject): string {
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  return description ? description.split(/(?<=\.)\s/)[0]! : String(error.params.pattern);
}
