// The Demo-mode banner: always on screen while payments are pretend.
import { messages } from '../lib/messages.ts';
import { Icon } from './Icon.tsx';
import './DemoBanner.css';

export function DemoBanner() {
  return (
    <div className="demo-banner" role="note">
      <Icon name="flask" />
      <span>{messages.header.demoBanner}</span>
    </div>
  );
}
