// Accessibility of every cashier screen with axe-core, in light and dark: no serious or critical
// violation (contrast, names, roles, focus order) anywhere a cashier goes.
import { expect, test } from './fixtures.ts';
import { connectCustom, tourCashierScreens } from './cashier-steps.ts';
import { seriousViolations } from './support/axe.ts';

for (const scheme of ['light', 'dark'] as const) {
  test(`every cashier screen passes axe, ${scheme}`, async ({ page, sandboxAdmin }) => {
    test.setTimeout(360_000);
    await page.emulateMedia({ colorScheme: scheme });
    const found: Record<string, string[]> = {};
    await tourCashierScreens(page, sandboxAdmin, async (screen) => {
      if (screen === 'receipt-print') return; // paper, not a screen
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[screen] = violations;
    });
    expect(found).toEqual({});
  });
}

test('the manager PIN screen after connecting passes axe', async ({ page, standaloneSandbox }) => {
  let violations: string[] = ['not checked'];
  await connectCustom(page, standaloneSandbox, '1357', async () => {
    violations = await seriousViolations(page);
  });
  expect(violations).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
});
