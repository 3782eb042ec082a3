// Applies settings.theme: "system" follows the OS (prefers-color-scheme), light/dark pin one.
import type { Settings } from '../../shared/domain.ts';

export function applyTheme(theme: Settings['theme'], root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
