// Turns a policy file's text into the settings it locks, or into every problem with it (field, value found,
// what is allowed). Nothing half-applies: one problem and the whole policy is invalid.
import { jsonBreakOffset, placeOf } from './json-error-place.ts';
import type { z } from 'zod';
import type { IdleLockBounds, PolicyProblem } from '../../shared/policy-status.ts';
import { PrinterSettings, Settings } from '../../shared/domain.ts';
import { fieldLabel, fieldMessages } from '../settings/index.ts';
import { expandPlaceholders, PLACEHOLDERS, prefixHostname, shortHostname } from './placeholders.ts';
import { KEY_LIKE, PolicyFile, unknownFieldMessage, type PolicySettingName } from './policy-schema.ts';

/** What a valid policy does: the settings it sets (placeholders filled in), each locked, and the idle-lock bounds. */
export interface Policy {
  settings: Partial<Settings>;
  idleLockBounds?: IdleLockBounds;
}

export type PolicyCheck = { ok: true; policy: Policy } | { ok: false; problems: PolicyProblem[] };

export interface PolicyContext {
  /** This computer's name, for `{hostname}`. */
  hostname: string;
}

const MAX_VALUE_TEXT = 80;

/** A value as the file holds it, short enough for the screen. */
export function describeValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE_TEXT ? `${text.slice(0, MAX_VALUE_TEXT - 1)}…` : text;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = raw;
  for (const step of path) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<PropertyKey, unknown>)[step];
  }
  return here;
}

function problem(field: string, value: unknown, message: string): PolicyProblem {
  const shown = describeValue(value);
  return { field, message, ...(shown === undefined ? {} : { value: shown }) };
}

const EXPECTED: Record<string, string> = {
  string: 'text in "quotes"',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object, { ... }',
};
const PRINTER_KINDS = PrinterSettings.options.map((option) => option.shape.kind.value);

/** The Settings screen's words for a field, made exact where a policy author needs more (the kind expected). */
function issueMessage(issue: z.core.$ZodIssue, field: string, value: unknown): string {
  const label = fieldLabel(field);
  if (issue.code === 'invalid_type' && EXPECTED[issue.expected] && value !== undefined)
    return `${label} must be ${EXPECTED[issue.expected]}.`;
  if (issue.code === 'invalid_union' && field === 'printer.kind')
    return `${label} must be one of: ${PRINTER_KINDS.join(', ')}.`;
  return fieldMessages([issue])[field] ?? issue.message;
}

function issueProblems(raw: unknown, issues: readonly z.core.$ZodIssue[]): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        // A key's value is never shown, not even on the problem screen.
        const value = KEY_LIKE.test(key) ? undefined : valueAt(raw, path);
        problems.push(problem(path.join('.'), value, unknownFieldMessage(key)));
      }
      continue;
    }
    const field = issue.path.map(String).join('.');
    const value = valueAt(raw, issue.path);
    problems.push(problem(field, value, issueMessage(issue, field, value)));
  }
  return problems;
}

/** Fills in a pattern and checks the result with the Settings field's own rule. */
function expandSetting(
  name: Extract<PolicySettingName, 'terminalName' | 'referencePrefix'>,
  pattern: string,
  hostname: string,
  problems: PolicyProblem[],
): string | undefined {
  const host = name === 'referencePrefix' ? prefixHostname(hostname) : shortHostname(hostname);
  const filled = expandPlaceholders(pattern, { hostname: host });
  // `POS-{hostname}-` reads naturally as the start of a reference; the terminal adds that last dash itself.
  const expanded =
    filled.ok && name === 'referencePrefix'
      ? { ok: true as const, text: filled.text.replace(/-$/, '') }
      : filled;
  if (!expanded.ok) {
    problems.push(
      problem(
        name,
        pattern,
        `${expanded.unknown} is not a placeholder this terminal knows. The placeholders are: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`,
      ),
    );
    return undefined;
  }
  const checked = Settings.shape[name].unwrap().safeParse(expanded.text);
  if (checked.success) return checked.data;
  const rule = fieldMessages(checked.error.issues.map((issue) => ({ ...issue, path: [name] })))[name];
  const gives =
    expanded.text === pattern ? '' : ` On this computer (${hostname}) it gives "${expanded.text}".`;
  problems.push(problem(name, pattern, `${rule ?? 'This value is not allowed.'}${gives}`));
  return undefined;
}

/** The rules between fields, which the JSON Schema cannot say. */
function crossFieldProblems(file: PolicyFile): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (file.environment === 'custom' && file.customBaseUrl === undefined)
    problems.push(
      problem(
        'customBaseUrl',
        undefined,
        'Required when "environment" is "custom": the KS Pay API base URL, such as https://pay.example.com.',
      ),
    );
  if (file.customBaseUrl !== undefined && file.environment !== 'custom')
    problems.push(
      problem(
        'customBaseUrl',
        file.customBaseUrl,
        'Used only with "environment": "custom". Set "environment" to "custom", or remove customBaseUrl.',
      ),
    );
  const bounds = file.idleLockBounds;
  if (bounds && bounds.min > bounds.max)
    problems.push(
      problem('idleLockBounds', bounds, 'min must not be more than max (both are minutes from 0 to 240).'),
    );
  if (bounds && file.idleLockMinutes !== undefined && bounds.min <= bounds.max) {
    if (file.idleLockMinutes < bounds.min || file.idleLockMinutes > bounds.max)
      problems.push(
        problem(
          'idleLockMinutes',
          file.idleLockMinutes,
          `Must be within idleLockBounds, from ${bounds.min} to ${bounds.max} minutes.`,
        ),
      );
  }
  return problems;
}

/** Problems listed in the order their fields appear in the file, as IT reads it from the top. */
function inFileOrder(problems: PolicyProblem[], raw: object): PolicyProblem[] {
  const order = Object.keys(raw);
  const rank = (p: PolicyProblem): number => {
    const at = order.indexOf(p.field.split('.')[0] ?? '');
    return at === -1 ? order.length : at;
  };
  return [...problems].sort((a, b) => rank(a) - rank(b));
}

/** Checks a parsed policy file and fills in its patterns; every problem is reported, not just the first. */
export function checkPolicy(raw: unknown, context: PolicyContext): PolicyCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return {
      ok: false,
      problems: [
        problem(
          '(file)',
          raw,
          'The policy must be one JSON object, such as { "terminalName": "Counter {hostname}" }.',
        ),
      ],
    };
  const parsed = PolicyFile.safeParse(raw);
  const problems = parsed.success ? crossFieldProblems(parsed.data) : issueProblems(raw, parsed.error.issues);

  // The patterns are filled in even when other fields are wrong, so IT sees every problem in one go.
  const expanded: Partial<Pick<Settings, 'terminalName' | 'referencePrefix'>> = {};
  for (const name of ['terminalName', 'referencePrefix'] as const) {
    const pattern = (raw as Record<string, unknown>)[name];
    if (typeof pattern !== 'string' || problems.some((p) => p.field === name)) continue;
    const value = expandSetting(name, pattern, context.hostname, problems);
    if (value !== undefined) expanded[name] = value;
  }
  if (!parsed.success || problems.length > 0) return { ok: false, problems: inFileOrder(problems, raw) };

  const {
    $schema: _schema,
    idleLockBounds,
    terminalName: _name,
    referencePrefix: _prefix,
    ...plain
  } = parsed.data;
  const settings: Partial<Settings> = { ...plain, ...expanded };
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, policy: { settings, ...(idleLockBounds ? { idleLockBounds } : {}) } };
}

/** Checks the file's text: an empty file or one that is not JSON is a problem too. */
export function checkPolicyText(text: string, context: PolicyContext): PolicyCheck {
  let raw: unknown;
  const json = text.replace(/^\uFEFF/, '');
  try {
    raw = JSON.parse(json);
  } catch {
    // Only where it broke: JSON.parse's message quotes the text there, which may be a key IT put in by mistake.
    const offset = jsonBreakOffset(json);
    const { line, column } = placeOf(json, offset < 0 ? json.length : offset);
    const where = json.trim() === '' ? 'it is empty' : `it breaks at line ${line}, column ${column}`;
    return {
      ok: false,
      problems: [
        problem(
          '(file)',
          undefined,
          `The policy file is not valid JSON (${where}). Fix it in a JSON editor; docs/policy.schema.json describes every field.`,
        ),
      ],
    };
  }
  return checkPolicy(raw, context);
}
