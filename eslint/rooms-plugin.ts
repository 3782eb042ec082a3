// ESLint rules for the rooms of docs/architecture.md: another folder is entered only through its index.ts, and
// test helpers (a room's testing/ folder) are imported only by tests.
import path from 'node:path';
import type { ESLint, Rule } from 'eslint';

const ROOT = path.resolve(import.meta.dirname, '..');
const ROOMS_OUTSIDE_MAIN = ['src/sandbox', 'src/browser', 'src/node-shared', 'src/renderer/stores'];

function relative(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join('/');
}

/** The room a file belongs to (`src/main/<folder>`, the sandbox, browser mode, the renderer's stores), or null. */
export function roomOf(file: string): string | null {
  const rel = relative(file);
  const main = /^src\/main\/([^/]+)\//.exec(rel);
  if (main) return `src/main/${main[1]}`;
  return ROOMS_OUTSIDE_MAIN.find((room) => rel.startsWith(`${room}/`)) ?? null;
}

export function isTestFile(file: string): boolean {
  const rel = relative(file);
  return /\.test\.tsx?$/.test(rel) || rel.startsWith('e2e/') || /(^|\/)testing\//.test(rel);
}

/** What importing `target` from `importer` (absolute paths) breaks, or null when it is allowed. */
export function roomViolation(importer: string, target: string): 'index' | 'testing' | null {
  const targetRel = relative(target);
  const intoTesting = /(^|\/)testing\//.test(targetRel);
  if (intoTesting && !isTestFile(importer)) return 'testing';
  const room = roomOf(target);
  if (room === null || roomOf(importer) === room) return null;
  if (targetRel.replace(/\.(tsx?|js)$/, '') === `${room}/index`) return null;
  if (targetRel.startsWith(`${room}/testing/`)) return null;
  return 'index';
}

type ImportLike = Rule.Node & { source?: { value?: unknown } | null };

const indexOnly: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Import another room only through its index.ts, and test helpers only from tests.' },
    messages: {
      index:
        "'{{source}}' reaches inside {{room}}: import it from {{room}}/index.ts (export it there if it is meant for other rooms).",
      testing: "'{{source}}' is a test helper: only tests (*.test.ts, e2e, testing/ folders) may import it.",
    },
    schema: [],
  },
  create(context) {
    const importer = context.filename;
    function check(node: ImportLike): void {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(importer), source);
      const problem = roomViolation(importer, target);
      if (problem && node.source) {
        context.report({
          node: node.source as Rule.Node,
          messageId: problem,
          data: { source, room: roomOf(target) ?? '' },
        });
      }
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

const rooms: ESLint.Plugin = { meta: { name: 'rooms' }, rules: { 'index-only': indexOnly } };
export default rooms;
