// Issue 13, item 2: a return address that does not belong to the sale must not end it. A live terminal
// (Custom URL, keys typed in) whose orders come without pe_txnId waits for a customer; a forged return
// naming an old receipt's payment arrives first; the customer then pays the real checkout.
import { expect, saveScreenshot, test } from './fixtures.ts';
import { connectCustom, customerPresses, resultHeading, shownReference, startSale } from './cashier-steps.ts';

test('a forged return during a waiting sale changes nothing, and the real payment then shows Payment successful', async ({
  page,
  pos,
  standaloneSandbox,
}) => {
  // Two whole sales against a server of its own, on a shared machine.
  test.setTimeout(150_000);
  await connectCustom(page, standaloneSandbox);
  const admin = standaloneSandbox.admin;

  // An old receipt: a sale paid earlier, whose KS Pay ID anyone holding the receipt can read.
  let checkout = await startSale(page, { method: 'NET BANKING', amount: '120' });
  const oldReference = await shownReference(page);
  await customerPresses(checkout, 'Pay');
  await expect(resultHeading(page, 'Payment successful')).toBeVisible();
  const [oldRecord] = await admin.transactions(oldReference);
  expect(oldRecord?.status).toBe('COMPLETED');
  await page.getByRole('button', { name: 'New sale' }).click();

  // From now on the checkout flow answers as the guide's NPM sequence does, and orders carry no pe_txnId.
  await admin.setVariant('npm');
  await admin.setFaults({ orderWithoutTxnId: true });
  checkout = await startSale(page, { method: 'NET BANKING', amount: '345.67' });
  const reference = await shownReference(page);
  const [waiting] = await admin.transactions(reference);
  expect(waiting?.status).toBe('INITIATED');

  // Anyone on this computer opens the return page (no bridge token is needed for it), naming the old payment.
  const forgedQuery = `payment_status=success&kspay_id=${oldRecord?.txnId ?? ''}&provider_payment_id=pay_forged`;
  const answers: { status: number; text: string }[] = [];
  for (const path of [
    `checkout/return?${forgedQuery}`,
    `checkout/return/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA?${forgedQuery}`,
  ]) {
    const forged = await fetch(`${pos.url}${path}`);
    answers.push({ status: forged.status, text: await forged.text() });
  }
  // The sale is untouched: still waiting, never failed.
  await expect(resultHeading(page, 'Payment failed')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Waiting for the customer' })).toBeVisible();
  for (const answer of answers) {
    expect(answer.status).toBe(403);
    expect(answer.text).toContain('nothing was changed');
  }
  await saveScreenshot(page, 'cashier-forged-return-still-waiting');

  // The customer pays the real checkout: only that sale's own record ends it.
  await customerPresses(checkout, 'Pay');
  await expect(resultHeading(page, 'Payment successful')).toBeVisible({ timeout: 30_000 });
  const [record] = await admin.transactions(reference);
  expect(record?.status).toBe('COMPLETED');
  await expect(page.getByRole('region', { name: 'Payment successful' })).toContainText(
    record?.txnId ?? 'missing',
  );
  await saveScreenshot(page, 'cashier-forged-return-then-paid');
});
