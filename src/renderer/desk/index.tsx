// The manager desk's lazy entry: the cashier UI loads this chunk only after the manager PIN, so the
// sale screen's bundle stays small. Props: { onLock(): void }.
import { Desk } from './Desk.tsx';
import './desk.css';

export { Desk as ManagerDesk };
// React.lazy wants a default export; the sale screen maps the named one, either works.
export default Desk;
