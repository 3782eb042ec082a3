// The machine policy's public face: where its file lives, reading and watching it, and the settings it locks.
export { defaultPolicyPath } from './policy-path.ts';
export {
  checkPolicy,
  checkPolicyText,
  type Policy,
  type PolicyCheck,
  type PolicyContext,
} from './policy-check.ts';
export {
  policyJsonSchema,
  policySchemaText,
  PolicyFile,
  POLICY_SETTINGS,
  POLICY_SETTING_NAMES,
} from './policy-schema.ts';
export {
  createPolicySource,
  noPolicySource,
  readPolicyState,
  type PolicySource,
  type PolicySourceOptions,
  type PolicyState,
} from './policy-source.ts';
export {
  createPolicySettings,
  effectiveSettings,
  PolicyError,
  policyInvalidError,
  policyStatus,
  type PolicySettings,
} from './policy-settings.ts';
