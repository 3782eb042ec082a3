// The machine policy file's schema: the settings IT may set (and so lock) on every counter, plus the
// idle-lock bounds. Strict: a field it does not name is an error, and a key-like field is refused with
// its own message (keys are typed once on each computer, never written in a file). docs/policy.schema.json
// is generated from this schema (npm run policy:schema).
import { z } from 'zod';
import {
  CustomerDisplaySettings,
  DisplayScreen,
  Environment,
  PrinterSettings,
  Settings,
} from '../../shared/domain.ts';
import { isAllowedBaseUrl } from '../settings/index.ts';

const field = Settings.shape;

/** A placeholder pattern: `{hostname}` is replaced with this computer's name before the result is checked. */
const pattern = (max: number) => z.string().min(1).max(max);

/** The printer as in settings, but strict: a misspelt printer field is a problem, not silently dropped. */
const [systemPrinter, networkPrinter] = PrinterSettings.options;
const StrictPrinter = z.discriminatedUnion('kind', [systemPrinter.strict(), networkPrinter.strict()]);

/**
 * Every setting a policy may set, each locked once set. A new policy setting is one line here: the Settings
 * field itself (`field.x.unwrap()`), so the policy and the Settings screen cannot disagree on what is valid.
 */
export const POLICY_SETTINGS = {
  environment: Environment.exclude(['sandbox']).describe(
    'Which KS Pay server: kspay-sandbox, live, or custom (then set customBaseUrl). The built-in Demo sandbox cannot be set by policy.',
  ),
  customBaseUrl: z
    .string()
    .url()
    .refine(
      isAllowedBaseUrl,
      'API base URL must start with https:// (plain http:// is allowed only for this computer, such as http://127.0.0.1:4010).',
    )
    .describe('The KS Pay API base URL when environment is custom, such as https://pay.example.com.'),
  appId: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('The KS Pay App ID. The access and secret keys are never in the policy.'),
  terminalName: pattern(120).describe(
    'The terminal name (1 to 40 characters once placeholders are filled in). {hostname} is replaced with the computer name.',
  ),
  referencePrefix: pattern(60).describe(
    'The reference prefix, such as POS-{hostname}-: once placeholders are filled in (and a last dash dropped, since the terminal adds it), 1 to 12 capital letters or digits, dashes only between them. {hostname} is replaced with the computer name in capitals, letters and digits only.',
  ),
  defaultCurrency: field.defaultCurrency
    .unwrap()
    .describe('The currency a sale starts in, a three-letter ISO 4217 code.'),
  defaultMethodId: z.string().min(1).max(100).describe('The payment method ID a sale starts with.'),
  receiptHeader: field.receiptHeader.unwrap().describe('The first line of every receipt.'),
  receiptFooter: field.receiptFooter.unwrap().describe('The last line of every receipt.'),
  printer: StrictPrinter.describe(
    'The receipt printer: the system printer, or an ESC/POS printer on the network.',
  ),
  idleLockMinutes: field.idleLockMinutes
    .unwrap()
    .describe('Minutes without use before the manager desk locks (0 = never).'),
  autoUpdate: z
    .strictObject({ enabled: z.boolean() })
    .describe('Whether the terminal installs updates by itself (between sales).'),
  customerDisplay: z
    .strictObject({
      screen: DisplayScreen.strict().nullable(),
      resultSeconds: CustomerDisplaySettings.shape.resultSeconds.unwrap(),
    })
    .describe(
      'The customer display: the screen the desktop app shows it on (its name, width and height as the computer reports them, or null for none) and how many seconds a result stays on it.',
    ),
  checkoutReturnUrl: field.checkoutReturnUrl
    .unwrap()
    .describe(
      'Where KS Pay sends the customer back after paying (the terminal catches it and never loads it).',
    ),
} as const;

export type PolicySettingName = keyof typeof POLICY_SETTINGS;
export const POLICY_SETTING_NAMES = Object.keys(POLICY_SETTINGS) as PolicySettingName[];

const IDLE_MINUTES = field.idleLockMinutes.unwrap();

/** Field names that look like a key or a password: refused with the reason, not just "unknown field". */
export const KEY_LIKE = /key|secret|token|password|credential/i;

export const KEYS_NOT_IN_POLICY =
  'Keys are never put in the policy file: remove this field. The access key and secret key are typed once on each computer, when it is connected to KS Pay.';

export function unknownFieldMessage(name: string): string {
  if (KEY_LIKE.test(name)) return KEYS_NOT_IN_POLICY;
  return `"${name}" is not a policy field. Allowed fields: ${POLICY_SETTING_NAMES.join(', ')}, idleLockBounds.`;
}

/** Each policy setting may be left out: only what IT sets is locked. */
function allOptional<T extends Record<string, z.ZodType>>(shape: T): { [K in keyof T]: z.ZodOptional<T[K]> } {
  return Object.fromEntries(Object.entries(shape).map(([name, schema]) => [name, schema.optional()])) as {
    [K in keyof T]: z.ZodOptional<T[K]>;
  };
}

export const PolicyFile = z.strictObject({
  $schema: z.string().optional().describe('Where an editor finds this schema (ignored by the terminal).'),
  ...allOptional(POLICY_SETTINGS),
  idleLockBounds: z
    .strictObject({ min: IDLE_MINUTES, max: IDLE_MINUTES })
    .describe(
      'The idle-lock minutes a manager may choose, from min to max (when idleLockMinutes is not set by the policy).',
    )
    .optional(),
});
export type PolicyFile = z.infer<typeof PolicyFile>;

/** The JSON Schema IT's editors validate a policy file with (docs/policy.schema.json). */
export function policyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(PolicyFile, { io: 'input' }),
    title: 'KS Pay POS machine policy',
    description:
      'Settings IT sets, and so locks, on every counter. Windows: %ProgramData%\\KS Pay POS\\policy.json; macOS: /Library/Application Support/KS Pay POS/policy.json; Linux: /etc/ks-pay-pos/policy.json.',
  };
}

/** The schema file's exact text, as committed in docs/policy.schema.json. */
export function policySchemaText(): string {
  return `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
}
