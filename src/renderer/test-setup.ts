// Component tests: DOM matchers, a clean DOM after each test, the <dialog> methods jsdom lacks, and how long
// a findBy or waitFor waits for the DOM.
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// Testing Library's default of 1 s is shorter than one render takes on a 2-core machine running the node
// tests beside these (seen: a Z report rendered after a close took longer, and the test failed). A wait
// still ends the moment the DOM matches, so a passing test is no slower; only a failing one waits longer.
configure({ asyncUtilTimeout: 5_000 });

// jsdom has <dialog> but not showModal/close; these follow the HTML spec's observable effects.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.show = function show(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement, returnValue?: string) {
    if (!this.open) return;
    this.open = false;
    if (returnValue !== undefined) this.returnValue = returnValue;
    this.dispatchEvent(new Event('close'));
  };
}
