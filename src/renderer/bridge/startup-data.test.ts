// Reading the start-up answers browser mode put inside the page.
import { describe, expect, it } from 'vitest';
import { readStartupData } from './startup-data.ts';

const pageWith = (text: string | null) => ({
  getElementById: (id: string) => (id === 'pos-startup' && text !== null ? { textContent: text } : null),
});

describe('readStartupData', () => {
  it('reads the answers, keeping only those shaped as answers', () => {
    const answers = readStartupData(
      pageWith(
        JSON.stringify([
          { name: 'setup.status', result: { ok: true, value: { mode: 'demo' } } },
          { name: 'sales.pending', result: { ok: false, error: { code: 'x', message: 'y' } } },
          { name: 'sales.current', result: { value: 1 } },
          { result: { ok: true, value: 1 } },
        ]),
      ) as unknown as Document,
    );
    expect(answers.map((a) => a.name)).toEqual(['setup.status', 'sales.pending']);
  });

  it('finds nothing in a page without the block (Electron, or a page before its session) or with broken JSON', () => {
    expect(readStartupData(pageWith(null) as unknown as Document)).toEqual([]);
    expect(readStartupData(pageWith('{not json') as unknown as Document)).toEqual([]);
    expect(readStartupData(pageWith('{"name":"setup.status"}') as unknown as Document)).toEqual([]);
  });
});
