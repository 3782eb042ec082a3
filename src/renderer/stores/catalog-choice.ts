// Which currency the sale screen opens on (shared with the start-up calls, which ask for its methods
// before React runs, and with browser mode, which answers them inside the page).
export { chooseCurrency } from '../../shared/startup-calls.ts';
