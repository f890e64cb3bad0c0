// A refused value, named by field and reason, turned into words only by the message catalogue.
import type { z } from 'zod';

export const errorCodes = [
  'required',
  'invalidType',
  'tooSmall',
  'tooBig',
  'invalidId',
  'invalidOption',
  'invalidChoice',
  'invalidDate',
  'invalidNumber',
  'noLineBreaks',
  'unknownField',
  'readOnlyField',
  'roleTwice',
  'transition',
  'exists',
  'missing',
  'unknownReference',
  'unknownDepartment',
  'duplicateName',
  'inUse',
  'staleValue',
  'changedSinceExport',
  'unmapped',
  'forbidden',
  'extensionPending',
  'extensionNotLater',
  'duplicateFile',
  'attachmentMissing',
  'fileTooLarge',
  'fileType',
  'problemMismatch',
  'problemNumberTaken',
  'missingProblem',
  'missingProblemTitle',
  'missingProblemNoText',
  'entryRewrite',
  'entryRemoved',
  'notEmpty',
  'closeNeedsVerification',
  'stepOutOfOrder',
  'invalid',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type FieldError = {
  /** The field at fault, or '' when the record as a whole is refused. */
  field: string;
  code: ErrorCode;
  params?: Record<string, string | number>;
};

const customCodes: Record<string, ErrorCode> = {
  date: 'invalidDate',
  line: 'noLineBreaks',
  roleTwice: 'roleTwice',
  extensionPending: 'extensionPending',
  extensionNotLater: 'extensionNotLater',
  duplicateFile: 'duplicateFile',
};

/** Translates zod's issues into our codes, one per field, keeping the first reason found. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[], input: Record<string, unknown>): FieldError[] {
  const seen = new Map<string, FieldError>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) seen.set(key, { field: key, code: 'unknownField' });
      continue;
    }
    const field = String(issue.path[0] ?? '');
    if (seen.has(field)) continue;
    seen.set(field, { field, ...describe(issue, field === '' ? undefined : input[field]) });
  }
  return [...seen.values()];
}

function describe(issue: z.core.$ZodIssue, value: unknown): Omit<FieldError, 'field'> {
  switch (issue.code) {
    case 'invalid_type':
      return { code: value === undefined || value === null ? 'required' : 'invalidType' };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { code: 'required' };
      return { code: 'tooSmall', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return { code: 'tooBig', params: { max: Number(issue.maximum) } };
    case 'invalid_format':
      return { code: issue.format === 'uuid' ? 'invalidId' : 'invalid' };
    case 'invalid_value':
      return { code: 'invalidOption' };
    case 'custom':
      return { code: customCodes[issue.message] ?? 'invalid' };
    default:
      return { code: 'invalid' };
  }
}
