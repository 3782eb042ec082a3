import path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import rooms from './rooms-plugin.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

function problems(file: string, code: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: { parser: tseslint.parser },
        plugins: { rooms },
        rules: { 'rooms/index-only': 'error' },
      },
    ],
    path.join(ROOT, file),
  );
  return messages.map((m) => m.message);
}

describe('rooms/index-only', () => {
  it('lets another room in only through its index.ts', () => {
    expect(problems('src/main/app/pos-app.ts', "import { x } from '../sales/index.ts';")).toEqual([]);
    const [message] = problems('src/main/app/pos-app.ts', "import { x } from '../sales/sales-engine.ts';");
    expect(message).toContain('reaches inside src/main/sales');
  });

  it("lets a room's own files import each other", () => {
    expect(problems('src/main/sales/start-sale.ts', "import { x } from './issues.ts';")).toEqual([]);
    expect(problems('src/main/sales/a/b.ts', "import { x } from '../issues.ts';")).toEqual([]);
  });

  it('covers the sandbox, browser mode and the renderer stores, from anywhere', () => {
    expect(problems('bench/figures/x.ts', "import { x } from '../../src/sandbox/faults.ts';")).toHaveLength(
      1,
    );
    expect(problems('src/main/app/x.ts', "export * from '../../browser/server.ts';")).toHaveLength(1);
    expect(problems('src/renderer/App.tsx', "import { useSale } from './stores/sale.ts';")).toHaveLength(1);
    expect(problems('src/renderer/App.tsx', "import { useSale } from './stores/index.ts';")).toEqual([]);
    expect(problems('src/renderer/App.tsx', "const m = import('./stores/sale.ts');")).toHaveLength(1);
  });

  it('leaves shared code and packages alone', () => {
    expect(problems('src/main/app/x.ts', "import { x } from '../../shared/money.ts';")).toEqual([]);
    expect(problems('src/main/app/x.ts', "import { z } from 'zod';")).toEqual([]);
  });

  it('keeps test helpers for tests', () => {
    const helper = "import { rig } from '../sales/testing/rig.ts';";
    expect(problems('src/main/app/pos-app.test.ts', helper)).toEqual([]);
    const [message] = problems('src/main/app/pos-app.ts', helper);
    expect(message).toContain('is a test helper');
    expect(
      problems('bench/lib/x.ts', "import { rig } from '../../src/main/sales/testing/rig.ts';"),
    ).toHaveLength(1);
    expect(
      problems('src/main/sales/sales-engine.ts', "import { rig } from './testing/rig.ts';"),
    ).toHaveLength(1);
  });
});
