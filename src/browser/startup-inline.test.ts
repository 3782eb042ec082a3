// The start-up answers inside the page: bounded in time, and written so no answer can end its block.
import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../main/ipc/index.ts';
import { startupAnswers, startupDataBlock } from './startup-inline.ts';

describe('startupAnswers', () => {
  it('answers as the page session, and leaves out the calls not answered within the budget', async () => {
    const sessions = new Set<string>();
    const dispatch: Dispatch = async (name, _input, caller) => {
      sessions.add(caller.session);
      if (name === 'sales.pending') return new Promise(() => undefined);
      return { ok: true, value: name === 'setup.status' ? null : [] };
    };
    const answers = await startupAnswers(dispatch, 'page-1', 50);
    expect(sessions).toEqual(new Set(['page-1']));
    expect(answers.map((a) => a.name)).not.toContain('sales.pending');
    expect(answers.map((a) => a.name)).toContain('setup.status');
  });
});

describe('startupDataBlock', () => {
  it('escapes every "<" so a value such as "</script>" stays inside the JSON', () => {
    const block = startupDataBlock([
      { name: 'sales.current', result: { ok: true, value: { note: '</script><script>alert(1)</script>' } } },
    ]);
    expect(block.match(/</g)).toHaveLength(2);
    const json = /^<script type="application\/json" id="pos-startup">(.*)<\/script>\n$/.exec(block)![1]!;
    expect(JSON.parse(json)).toEqual([
      { name: 'sales.current', result: { ok: true, value: { note: '</script><script>alert(1)</script>' } } },
    ]);
  });
});
