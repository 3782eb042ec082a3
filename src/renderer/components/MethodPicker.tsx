// One toggle button per active payment method of the chosen currency; the chosen one is pressed.
import { useId } from 'react';
import { messages } from '../lib/messages.ts';
import { selectCurrentMethods, useCatalog } from '../stores/index.ts';
import { Icon } from './Icon.tsx';
import './MethodPicker.css';

export function MethodPicker() {
  const methods = useCatalog(selectCurrentMethods);
  const methodId = useCatalog((s) => s.methodId);
  const loading = useCatalog((s) => s.methodsLoading);
  const labelId = useId();

  return (
    <div className="methods">
      <span id={labelId} className="field__label">
        {messages.sale.method}
      </span>
      <div className="methods__grid" role="group" aria-labelledby={labelId} aria-busy={loading}>
        {methods.map((method) => (
          <button
            key={method.id}
            type="button"
            className="method"
            aria-pressed={method.id === methodId}
            data-method-key=""
            onClick={() => useCatalog.getState().selectMethod(method.id)}
          >
            {/* The tick is decorative: the pressed state is announced by aria-pressed, the name stays the method's. */}
            <Icon name="check" className="method__tick" />
            {method.name}
          </button>
        ))}
        {loading && methods.length === 0 ? (
          <span className="method method--placeholder" aria-hidden="true" />
        ) : null}
      </div>
      {!loading && methods.length === 0 ? <p className="field__hint">{messages.sale.noMethods}</p> : null}
    </div>
  );
}
