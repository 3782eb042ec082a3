// Every field a policy may set, and every way a policy is refused: each problem names the field, the
// value found and what is allowed, and no problem is ever dropped.
import { describe, expect, it } from 'vitest';
import { checkPolicy, checkPolicyText, type PolicyCheck } from './policy-check.ts';
import { POLICY_SETTING_NAMES } from './policy-schema.ts';

const here = { hostname: 'counter-3.shop.example' };

function problemsOf(check: PolicyCheck) {
  if (check.ok) throw new Error(`expected problems, the policy was valid: ${JSON.stringify(check.policy)}`);
  return check.problems;
}

function settingsOf(check: PolicyCheck) {
  if (!check.ok) throw new Error(`expected a valid policy: ${JSON.stringify(check.problems)}`);
  return check.policy.settings;
}

describe('a valid policy', () => {
  it('sets each field it names, and only those', () => {
    const cases: Array<[string, unknown, unknown]> = [
      ['environment', 'live', 'live'],
      ['environment', 'kspay-sandbox', 'kspay-sandbox'],
      ['appId', 'app_42', 'app_42'],
      ['terminalName', 'Front desk', 'Front desk'],
      ['referencePrefix', 'FD1', 'FD1'],
      ['defaultCurrency', 'INR', 'INR'],
      ['defaultMethodId', 'pm_upi', 'pm_upi'],
      ['receiptHeader', 'Shop & Co', 'Shop & Co'],
      ['receiptFooter', '', ''],
      ['printer', { kind: 'system' }, { kind: 'system', silent: false, paper: '80mm' }],
      [
        'printer',
        { kind: 'escpos', host: '10.0.0.9' },
        { kind: 'escpos', host: '10.0.0.9', port: 9100, paper: '80mm' },
      ],
      ['idleLockMinutes', 0, 0],
      ['idleLockMinutes', 240, 240],
      ['autoUpdate', { enabled: false }, { enabled: false }],
      ['customerDisplay', { screen: null, resultSeconds: 5 }, { screen: null, resultSeconds: 5 }],
      [
        'customerDisplay',
        { screen: { name: 'HDMI-1', width: 1024, height: 600 }, resultSeconds: 10 },
        { screen: { name: 'HDMI-1', width: 1024, height: 600 }, resultSeconds: 10 },
      ],
      ['checkoutReturnUrl', 'https://return.example.com/back', 'https://return.example.com/back'],
    ];
    for (const [name, value, expected] of cases)
      expect(settingsOf(checkPolicy({ [name]: value }, here)), name).toEqual({ [name]: expected });
  });

  it('sets the custom environment with its server address', () => {
    const settings = settingsOf(
      checkPolicy({ environment: 'custom', customBaseUrl: 'https://pay.example.com', appId: 'app_1' }, here),
    );
    expect(settings).toEqual({
      environment: 'custom',
      customBaseUrl: 'https://pay.example.com',
      appId: 'app_1',
    });
    expect(
      settingsOf(checkPolicy({ environment: 'custom', customBaseUrl: 'http://127.0.0.1:4010' }, here)),
    ).toMatchObject({ customBaseUrl: 'http://127.0.0.1:4010' });
  });

  it('fills {hostname} in: the short name in the terminal name, capitals and digits in the prefix', () => {
    const settings = settingsOf(
      checkPolicy(
        { terminalName: 'Till {hostname}', referencePrefix: 'P{hostname}' },
        { hostname: 'c-3.shop' },
      ),
    );
    expect(settings).toEqual({ terminalName: 'Till c-3', referencePrefix: 'PC3' });
  });

  it('takes a prefix pattern such as POS-{hostname}-: the dash the terminal adds before each number is not doubled', () => {
    expect(
      settingsOf(checkPolicy({ referencePrefix: 'POS-{hostname}-' }, { hostname: 'till-3.shop' })),
    ).toEqual({
      referencePrefix: 'POS-TILL3',
    });
  });

  it('keeps idle-lock bounds apart from the settings it locks', () => {
    const check = checkPolicy({ idleLockBounds: { min: 1, max: 15 }, $schema: './policy.schema.json' }, here);
    expect(check).toEqual({ ok: true, policy: { settings: {}, idleLockBounds: { min: 1, max: 15 } } });
  });

  it('an empty object is a policy that locks nothing', () => {
    expect(checkPolicyText('\uFEFF{}', here)).toEqual({ ok: true, policy: { settings: {} } });
  });

  it('covers every policy setting in the cases above', () => {
    expect(POLICY_SETTING_NAMES).toEqual([
      'environment',
      'customBaseUrl',
      'appId',
      'terminalName',
      'referencePrefix',
      'defaultCurrency',
      'defaultMethodId',
      'receiptHeader',
      'receiptFooter',
      'printer',
      'idleLockMinutes',
      'autoUpdate',
      'customerDisplay',
      'checkoutReturnUrl',
    ]);
  });
});

describe('an invalid policy', () => {
  const cases: Array<[string, Record<string, unknown>, { field: string; value?: string; message: RegExp }]> =
    [
      [
        'Demo sandbox',
        { environment: 'sandbox' },
        { field: 'environment', value: '"sandbox"', message: /one of: kspay-sandbox, live, custom/ },
      ],
      [
        'unknown environment',
        { environment: 'prod' },
        { field: 'environment', value: '"prod"', message: /one of/ },
      ],
      [
        'server address that is not a URL',
        { environment: 'custom', customBaseUrl: 'pay.example.com' },
        { field: 'customBaseUrl', value: '"pay.example.com"', message: /full web address/ },
      ],
      [
        'plain http to another computer',
        { environment: 'custom', customBaseUrl: 'http://pay.example.com' },
        { field: 'customBaseUrl', message: /API base URL must start with https:\/\// },
      ],
      [
        'custom without its server',
        { environment: 'custom' },
        { field: 'customBaseUrl', message: /Required when "environment" is "custom"/ },
      ],
      [
        'server without custom',
        { environment: 'live', customBaseUrl: 'https://pay.example.com' },
        { field: 'customBaseUrl', message: /only with "environment": "custom"/ },
      ],
      ['empty App ID', { appId: '  ' }, { field: 'appId', message: /App ID is required/ }],
      [
        'App ID that is a number',
        { appId: 42 },
        { field: 'appId', value: '42', message: /App ID must be text in "quotes"/ },
      ],
      [
        'terminal name too long once filled in',
        { terminalName: 'A very long counter name for {hostname} here' },
        {
          field: 'terminalName',
          message: /at most 40 characters.*gives "A very long counter name for counter-3 here"/,
        },
      ],
      [
        'unknown placeholder',
        { terminalName: 'Till {host}' },
        {
          field: 'terminalName',
          value: '"Till {host}"',
          message: /\{host\} is not a placeholder.*\{hostname\}/,
        },
      ],
      [
        'prefix with a space',
        { referencePrefix: 'POS {hostname}' },
        {
          field: 'referencePrefix',
          value: '"POS {hostname}"',
          message: /1 to 12 capital letters or digits, dashes only between them.*gives "POS COUNTER3"/,
        },
      ],
      [
        'prefix too long once filled in',
        { referencePrefix: 'SHOP-NORTH-{hostname}-{hostname}' },
        { field: 'referencePrefix', message: /gives "SHOP-NORTH-COUNTER3-COUNTER3"/ },
      ],
      [
        'customer display held on for too long',
        { customerDisplay: { screen: null, resultSeconds: 600 } },
        { field: 'customerDisplay.resultSeconds', message: /120/ },
      ],
      [
        'lower-case prefix',
        { referencePrefix: 'pos' },
        {
          field: 'referencePrefix',
          value: '"pos"',
          message: /1 to 12 capital letters or digits, dashes only between them/,
        },
      ],
      [
        'currency that is not a code',
        { defaultCurrency: 'rupee' },
        { field: 'defaultCurrency', value: '"rupee"', message: /three-letter ISO 4217 code/ },
      ],
      ['empty method', { defaultMethodId: '' }, { field: 'defaultMethodId', message: /required/ }],
      [
        'header too long',
        { receiptHeader: 'x'.repeat(201) },
        { field: 'receiptHeader', message: /at most 200 characters/ },
      ],
      [
        'footer not text',
        { receiptFooter: ['Thanks'] },
        { field: 'receiptFooter', value: '["Thanks"]', message: /must be text/ },
      ],
      [
        'printer of no known kind',
        { printer: { kind: 'laser' } },
        { field: 'printer.kind', value: '"laser"', message: /Printer type must be one of: system, escpos/ },
      ],
      [
        'network printer without its address',
        { printer: { kind: 'escpos' } },
        { field: 'printer.host', message: /Printer address/ },
      ],
      [
        'printer port out of range',
        { printer: { kind: 'escpos', host: 'p', port: 70000 } },
        { field: 'printer.port', value: '70000', message: /at most 65535/ },
      ],
      [
        'misspelt printer field',
        { printer: { kind: 'system', slient: true } },
        { field: 'printer.slient', value: 'true', message: /"slient" is not a policy field/ },
      ],
      [
        'idle lock too long',
        { idleLockMinutes: 241 },
        { field: 'idleLockMinutes', value: '241', message: /at most 240/ },
      ],
      [
        'idle lock not whole',
        { idleLockMinutes: 2.5 },
        { field: 'idleLockMinutes', value: '2.5', message: /Idle lock \(minutes\) must be a whole number/ },
      ],
      [
        'idle lock outside its bounds',
        { idleLockMinutes: 30, idleLockBounds: { min: 1, max: 15 } },
        { field: 'idleLockMinutes', value: '30', message: /within idleLockBounds, from 1 to 15/ },
      ],
      [
        'bounds the wrong way round',
        { idleLockBounds: { min: 20, max: 10 } },
        { field: 'idleLockBounds', value: '{"min":20,"max":10}', message: /min must not be more than max/ },
      ],
      [
        'bounds below zero',
        { idleLockBounds: { min: -1, max: 10 } },
        { field: 'idleLockBounds.min', value: '-1', message: /at least 0/ },
      ],
      [
        'updates as a bare switch',
        { autoUpdate: true },
        { field: 'autoUpdate', value: 'true', message: /must be an object/ },
      ],
      [
        'return address over http',
        { checkoutReturnUrl: 'http://x.example.com/back' },
        { field: 'checkoutReturnUrl', message: /https:\/\// },
      ],
      [
        'unknown field',
        { terminalname: 'x' },
        {
          field: 'terminalname',
          value: '"x"',
          message: /"terminalname" is not a policy field. Allowed fields: environment, /i,
        },
      ],
      ["theme is the manager's", { theme: 'dark' }, { field: 'theme', message: /not a policy field/ }],
    ];
  for (const [name, policy, expected] of cases) {
    it(`refuses ${name}`, () => {
      const problems = problemsOf(checkPolicy(policy, here));
      const found = problems.find((p) => p.field === expected.field);
      expect(found, JSON.stringify(problems)).toBeDefined();
      expect(found!.message).toMatch(expected.message);
      if (expected.value !== undefined) expect(found!.value).toBe(expected.value);
    });
  }

  it('refuses key-like fields with the reason, never showing their value', () => {
    const problems = problemsOf(
      checkPolicy(
        {
          accessKey: 'AK_live_123',
          secretKey: 'SK_live_456',
          apiToken: 't',
          adminPassword: 'p',
          appId: 'app',
        },
        here,
      ),
    );
    expect(problems.map((p) => p.field)).toEqual(['accessKey', 'secretKey', 'apiToken', 'adminPassword']);
    for (const p of problems) {
      expect(p.message).toMatch(/Keys are never put in the policy file/);
      expect(p.value).toBeUndefined();
    }
    expect(JSON.stringify(problems)).not.toMatch(/AK_live|SK_live/);
  });

  it('reports every problem at once, not just the first', () => {
    const problems = problemsOf(checkPolicy({ environment: 'nope', idleLockMinutes: -5, extra: 1 }, here));
    expect(problems.map((p) => p.field).sort()).toEqual(['environment', 'extra', 'idleLockMinutes']);
  });

  it('says where a file that is not JSON breaks, by line and column, and never quotes its text', () => {
    const text = '{\n  "terminalName": "Till 1",\n  "secretKey": sk_live_9f3b2c1d\n}';
    const [problem] = problemsOf(checkPolicyText(text, here));
    expect(problem?.message).toMatch(
      /^The policy file is not valid JSON \(it breaks at line 3, column 16\)\./,
    );
    expect(JSON.stringify(problem)).not.toMatch(/sk_live|ecretKey|Till 1/);
    expect(problemsOf(checkPolicyText('{ "a": 1,', here))[0]?.message).toMatch(/line 1, column 10/);
    expect(problemsOf(checkPolicyText('{ "a": "x\\q" }', here))[0]?.message).toMatch(/line 1, column 10/);
    expect(problemsOf(checkPolicyText('  ', here))[0]?.message).toMatch(/\(it is empty\)/);
  });

  it('refuses a file that is not JSON, or not one object', () => {
    for (const text of ['', '{ "terminalName": "A", }', 'not json'])
      expect(problemsOf(checkPolicyText(text, here))[0]).toMatchObject({
        field: '(file)',
        message: /not valid JSON/,
      });
    for (const text of ['[]', '"live"', 'null', '42'])
      expect(problemsOf(checkPolicyText(text, here))[0]).toMatchObject({
        field: '(file)',
        message: /one JSON object/,
      });
  });

  it('shortens a long value for the screen', () => {
    const [problem] = problemsOf(checkPolicy({ receiptHeader: 'y'.repeat(500) }, here));
    expect(problem!.value!.length).toBeLessThanOrEqual(80);
    expect(problem!.value!.endsWith('…')).toBe(true);
  });
});
