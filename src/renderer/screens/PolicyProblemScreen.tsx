// Shown instead of the terminal while the machine policy IT placed is invalid: every problem (field, value
// found, what is allowed) and where the file is. It goes away by itself once main reads a fixed file.
import type { PolicyStatus } from '../../shared/policy-status.ts';
import { Icon } from '../components/Icon.tsx';
import { messages } from '../lib/messages.ts';
import './setup.css';
import './PolicyProblemScreen.css';

const m = messages.policy;

export function PolicyProblemScreen({ policy }: { policy: PolicyStatus }) {
  return (
    <main className="setup">
      <section className="card setup__panel setup__panel--wide" aria-labelledby="policy-heading">
        <h1 id="policy-heading" className="policy-problems__heading">
          <Icon name="alert" className="policy-problems__icon" />
          {m.heading}
        </h1>
        <p className="setup__lead">{m.lead}</p>
        {policy.path ? (
          <p>
            {m.file}: <code className="detail__mono">{policy.path}</code>
          </p>
        ) : null}
        <table className="policy-problems">
          <thead>
            <tr>
              <th scope="col">{m.field}</th>
              <th scope="col">{m.value}</th>
              <th scope="col">{m.allowed}</th>
            </tr>
          </thead>
          <tbody>
            {policy.problems.map((problem, index) => (
              <tr key={`${problem.field}-${index}`}>
                <th scope="row">
                  <code>{problem.field}</code>
                </th>
                <td>
                  {problem.value === undefined ? (
                    <span className="muted">{m.noValue}</span>
                  ) : (
                    <code>{problem.value}</code>
                  )}
                </td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted" role="status">
          {m.watching}
        </p>
      </section>
    </main>
  );
}
