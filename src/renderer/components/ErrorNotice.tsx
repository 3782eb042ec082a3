// A problem the person must read, in plain words: announced at once (role=alert), with an icon so it
// does not rest on colour alone. `children` is for the way out (e.g. a Try again button).
import type { ReactNode } from 'react';
import { Icon } from './Icon.tsx';

export function ErrorNotice({ message, children }: { message: ReactNode; children?: ReactNode }) {
  return (
    <div className="notice notice--error" role="alert">
      <Icon name="alert" className="notice__icon" />
      <span>{message}</span>
      {children}
    </div>
  );
}
