// Where the two views of the checkout window sit: the origin bar across the top, the provider's page
// below it. They never overlap, so the page cannot cover the bar.
import { CHECKOUT_BAR_HEIGHT } from './checkout-bar.ts';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function checkoutLayout(content: { width: number; height: number }): { bar: Bounds; page: Bounds } {
  const width = Math.max(0, Math.floor(content.width));
  const height = Math.max(0, Math.floor(content.height));
  const barHeight = Math.min(CHECKOUT_BAR_HEIGHT, height);
  return {
    bar: { x: 0, y: 0, width, height: barHeight },
    page: { x: 0, y: barHeight, width, height: height - barHeight },
  };
}
