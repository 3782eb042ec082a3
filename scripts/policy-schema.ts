// `npm run policy:schema`: writes docs/policy.schema.json from the policy's zod schema, so IT's editors
// check a policy file with the very rules the terminal applies (a unit test fails when it is out of date).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { policySchemaText } from '../src/main/policy/index.ts';

const target = fileURLToPath(new URL('../docs/policy.schema.json', import.meta.url));
writeFileSync(target, policySchemaText());
process.stdout.write(`Wrote ${target}\n`);
