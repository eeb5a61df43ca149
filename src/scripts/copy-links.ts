/**
 * The links that copy their address (permalinks.ts), shared with the loader that holds a click on
 * them until that code has come (on-demand.ts). Known by their classes: an attribute saying the
 * same would cost every paragraph its bytes.
 */
export const COPY_LINKS = 'a.section-anchor, a.paragraph-anchor';

/** A click that copies: the main button, no modifier (those open the link elsewhere), not handled. */
export function isPlainClick(event: MouseEvent): boolean {
  return (
    !event.defaultPrevented &&
    event.button === 0 &&
    !event.metaKey &&
    !event.ctrlKey &&
    !event.shiftKey &&
    !event.altKey
  );
}

/** The copy link a click landed on, if any. */
export function copyLinkOf(event: Event): HTMLAnchorElement | null {
  return (event.target as Element | null)?.closest?.<HTMLAnchorElement>(COPY_LINKS) ?? null;
}

/** The cite buttons (引用本节) sent in the markup, hidden until a script can make them work. */
export const SENT_CITE_BUTTONS = 'button.cite-button';
