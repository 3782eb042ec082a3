// Reads a length design token (e.g. --touch-target: 2.75rem) in pixels, for code that must know
// sizes the stylesheet sets (the virtual list's row height).
export function tokenPx(
  name: string,
  fallbackPx: number,
  root: HTMLElement = document.documentElement,
): number {
  const value = getComputedStyle(root).getPropertyValue(name).trim();
  const match = /^([\d.]+)(px|rem|em)?$/.exec(value);
  if (!match) return fallbackPx;
  const amount = Number(match[1]);
  if (match[2] === 'rem' || match[2] === 'em') {
    const rootSize = Number.parseFloat(getComputedStyle(root).fontSize) || 16;
    return amount * rootSize;
  }
  return amount;
}
