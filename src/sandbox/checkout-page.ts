// The hosted checkout page: one self-contained HTML document (inline CSS, no scripts, no remote resources).
import { formatMoney } from '../shared/money.ts';
import type { TxnRecord } from './transactions.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;padding:16px;
background:#eef1f6;color:#1b2330;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{width:100%;max-width:420px;background:#fff;border-radius:16px;box-shadow:0 8px 30px rgba(20,30,60,.12);
padding:24px}
.badge{display:inline-block;font-size:12px;font-weight:600;letter-spacing:.04em;text-transform:uppercase;
color:#7a4b00;background:#fff2d6;border-radius:999px;padding:2px 10px}
h1{font-size:18px;margin:12px 0 2px}
.amount{font-size:36px;font-weight:700;margin:16px 0 4px;word-break:break-all}
dl{display:grid;grid-template-columns:auto 1fr;gap:6px 12px;margin:16px 0 24px;font-size:14px}
dt{color:#5b6577}dd{margin:0;text-align:right;word-break:break-all}
form{margin:0}
button{width:100%;min-height:48px;border-radius:10px;font:inherit;font-weight:600;cursor:pointer;margin-top:10px;
border:2px solid transparent}
.pay{background:#1455d9;color:#fff}.pay:hover{background:#0f44ae}
.decline{background:#fff;color:#b42318;border-color:#f0b8b3}
.cancel{background:transparent;color:#3d4756}
button:focus-visible{outline:3px solid #86a8ff;outline-offset:2px}
.state{margin:20px 0 4px;padding:14px;border-radius:10px;font-weight:600;text-align:center}
.ok{background:#e3f6e8;color:#14692f}.bad{background:#fde8e6;color:#a1251b}.muted{background:#eef1f6;color:#3d4756}
.note{margin:14px 0 0;font-size:13px;color:#5b6577;text-align:center}
footer{margin-top:20px;font-size:12px;color:#5b6577;text-align:center}
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
<footer>KS Pay sandbox: no real money moves.</footer>
</main>
</body>
</html>`;
}

const FINAL_TEXT: Record<string, { text: string; tone: string }> = {
  COMPLETED: { text: 'This payment is already paid.', tone: 'ok' },
  FAILED: { text: 'This payment was declined. Ask the cashier to try again.', tone: 'bad' },
  CANCELLED: { text: 'This payment was cancelled.', tone: 'muted' },
  EXPIRED: { text: 'This checkout has expired. Ask the cashier to start a new payment.', tone: 'muted' },
};

export interface CheckoutPageInput {
  record: TxnRecord;
  merchantName: string;
  expiresAt: string;
}

export function renderCheckoutPage({ record, merchantName, expiresAt }: CheckoutPageInput): string {
  const amount = formatMoney(record.amountMinor, record.currency, 'en');
  const path = `/checkout/${encodeURIComponent(record.txnId)}`;
  const details = `<dl>
<dt>Currency</dt><dd>${escapeHtml(record.currency)}</dd>
<dt>Method</dt><dd>${escapeHtml(record.paymentMethodName)}</dd>
<dt>Reference</dt><dd>${escapeHtml(record.referenceNumber)}</dd>
<dt>KS Pay ID</dt><dd>${escapeHtml(record.txnId)}</dd>
</dl>`;
  const final = FINAL_TEXT[record.status];
  const actions = final
    ? `<p class="state ${final.tone}" role="status">${escapeHtml(final.text)}</p>`
    : `<form method="post" action="${escapeHtml(path)}/pay"><button class="pay" type="submit">Pay</button></form>
<form method="post" action="${escapeHtml(path)}/decline"><button class="decline" type="submit">Decline</button></form>
<form method="post" action="${escapeHtml(path)}/cancel"><button class="cancel" type="submit">Cancel</button></form>
<p class="note">Open until ${escapeHtml(expiresAt.replace('T', ' ').slice(0, 16))} UTC</p>`;
  return layout(
    `Pay ${amount} to ${merchantName}`,
    `<span class="badge">Sandbox</span>
<h1>${escapeHtml(merchantName)}</h1>
<div class="amount" aria-label="Amount">${escapeHtml(amount)}</div>
${details}
${actions}`,
  );
}

export function renderNotFoundPage(txnId: string): string {
  return layout(
    'Payment not found',
    `<span class="badge">Sandbox</span>
<h1>Payment not found</h1>
<p>There is no payment ${escapeHtml(txnId)}. Ask the cashier to start a new payment.</p>`,
  );
}
