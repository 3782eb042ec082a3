// Catches a rendering failure and offers a way back, instead of a blank window or a stack trace.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { messages } from '../lib/messages.ts';
import { Icon } from './Icon.tsx';
import './ErrorBoundary.css';

interface Props {
  children: ReactNode;
  /** Called before the children render again, to reload what they need. */
  onReset?: () => void;
}

interface State {
  failed: boolean;
  attempt: number;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, attempt: 0 };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The console is for developers; the cashier sees plain words only.
    console.error('Screen failed to render', error, info.componentStack);
  }

  private readonly reset = () => {
    this.props.onReset?.();
    this.setState((state) => ({ failed: false, attempt: state.attempt + 1 }));
  };

  override render() {
    if (!this.state.failed)
      return <ErrorBoundaryChildren key={this.state.attempt}>{this.props.children}</ErrorBoundaryChildren>;
    return (
      <main className="crash" role="alert">
        <Icon name="alert" className="crash__icon" />
        <h1>{messages.errorBoundary.heading}</h1>
        <p>{messages.errorBoundary.body}</p>
        <button type="button" className="button button--primary button--large" onClick={this.reset}>
          {messages.errorBoundary.reload}
        </button>
      </main>
    );
  }
}

/** A keyed wrapper: a new key after a reset mounts the children from scratch. */
function ErrorBoundaryChildren({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
