// The product mark shown on the setup screens and in the top bar.
import { messages } from '../lib/messages.ts';
import './Brand.css';

export function Brand() {
  return (
    <span className="brand">
      <span className="brand__mark" aria-hidden="true">
        KS
      </span>
      {messages.app.title}
    </span>
  );
}
