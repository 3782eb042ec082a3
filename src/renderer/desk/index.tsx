// The manager desk's lazy entry: the cashier UI loads this chunk only after the manager PIN, so the
// sale screen's bundle stays small. Props: { onLock(): void }.
// The shared desk layout first, so each component's own CSS (imported by the component) comes after it.
import './desk-base.css';
import { Desk } from './Desk.tsx';

export { Desk as ManagerDesk };
// React.lazy wants a default export; the sale screen maps the named one, either works.
export default Desk;
