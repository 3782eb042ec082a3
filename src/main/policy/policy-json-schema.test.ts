// The JSON Schema shipped for IT (docs/policy.schema.json) is the one the policy's zod schema makes today,
// and it says what the terminal checks: strict objects, the environments, key fields absent.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyJsonSchema, policySchemaText, POLICY_SETTING_NAMES } from './policy-schema.ts';

describe('docs/policy.schema.json', () => {
  it('is the schema generated from the policy (run npm run policy:schema after changing the policy)', () => {
    const committed = readFileSync(new URL('../../../docs/policy.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(policySchemaText());
  });

  it('refuses unknown fields, names every policy setting and no key', () => {
    const schema = policyJsonSchema() as {
      additionalProperties: boolean;
      properties: Record<string, { enum?: string[] }>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(['$schema', ...POLICY_SETTING_NAMES, 'idleLockBounds']);
    expect(schema.properties['environment']?.enum).toEqual(['kspay-sandbox', 'live', 'custom']);
    expect(JSON.stringify(schema)).not.toMatch(/accessKey|secretKey/);
  });
});
