/**
 * Section and paragraph links (COPY_LINKS) copy their full URL when clicked, tapped or
 * activated with Enter; the status region inside this element says so, visibly and to screen
 * readers. Where the Clipboard API is missing or refuses, the link works as the plain anchor it
 * is without JavaScript. Landing on a fragment moves focus to the section or paragraph, so a
 * screen reader starts reading there and Tab continues from it.
 */
import { permalinkUi } from '../i18n/permalink.ts';
import { fragmentId } from '../lib/addresses/ids.ts';

// Known by their classes: an attribute saying the same would cost every paragraph its bytes.
const COPY_LINKS = 'a.section-anchor, a.paragraph-anchor';
const isSectionLink = (link: HTMLAnchorElement) => link.classList.contains('section-anchor');

class CopyLinkStatus extends HTMLElement {
  #status: HTMLElement | null = null;
  #timer: number | undefined;

  connectedCallback() {
    this.#status = this.querySelector('[data-copy-link-status]');
    if (canCopy()) {
      // The label says what activating the link does once it copies; a section's names the
      // heading its link points to.
      for (const link of document.querySelectorAll<HTMLAnchorElement>(COPY_LINKS)) {
        link.setAttribute(
          'aria-label',
          isSectionLink(link)
            ? permalinkUi['permalink.copySection'](
                document.getElementById(fragmentId(link.hash))?.textContent ?? '',
              )
            : permalinkUi['permalink.copyParagraph'],
        );
      }
      document.addEventListener('click', this.#onClick);
    }
    window.addEventListener('hashchange', focusTarget);
    focusTarget();
    // The browser scrolls to the fragment when the page has loaded and, for an alias (an empty
    // element that cannot take focus), moves focus to the document: focus again after that,
    // unless the reader has already moved on.
    if (document.readyState !== 'complete') {
      window.addEventListener(
        'load',
        () =>
          requestAnimationFrame(() => {
            if (!document.activeElement || document.activeElement === document.body) focusTarget();
          }),
        { once: true },
      );
    }
  }

  disconnectedCallback() {
    document.removeEventListener('click', this.#onClick);
    window.removeEventListener('hashchange', focusTarget);
  }

  #onClick = (event: MouseEvent) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>(COPY_LINKS);
    if (!link) return;
    event.preventDefault();
    const url = new URL(link.getAttribute('href') ?? '', canonicalUrl()).href;
    const copied = isSectionLink(link)
      ? permalinkUi['permalink.copiedSection']
      : permalinkUi['permalink.copiedParagraph'];
    navigator.clipboard.writeText(url).then(
      () => {
        this.#announce(copied);
        link.classList.add('is-copied');
        window.setTimeout(() => link.classList.remove('is-copied'), 2000);
      },
      () => {
        // Refused (no permission, page not focused): fall back to following the link, which
        // puts the URL in the address bar.
        location.hash = link.hash;
        this.#announce(permalinkUi['permalink.copyFailed']);
      },
    );
  };

  #announce(message: string) {
    const status = this.#status;
    if (!status) return;
    window.clearTimeout(this.#timer);
    // Emptying first makes a repeated message a change a screen reader announces again.
    status.textContent = '';
    window.setTimeout(() => {
      status.textContent = message;
      this.#timer = window.setTimeout(() => (status.textContent = ''), 4000);
    }, 50);
  }
}

function canCopy(): boolean {
  return window.isSecureContext && typeof navigator.clipboard?.writeText === 'function';
}

/** The page's public address: links copied from a preview or a mirror still point to the site. */
function canonicalUrl(): string {
  return document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href || location.href;
}

/** Focus the landed section heading or paragraph; a former id (alias) stands for its section or paragraph. */
function focusTarget() {
  const id = fragmentId(location.hash);
  if (!id) return;
  const landed = document.getElementById(id);
  const aliasOf = landed?.dataset['aliasOf'];
  const target = aliasOf ? document.getElementById(aliasOf) : landed;
  if (!target || target === document.activeElement) return;
  if (!target.hasAttribute('tabindex')) {
    target.setAttribute('tabindex', '-1');
    target.addEventListener('blur', () => target.removeAttribute('tabindex'), { once: true });
  }
  target.focus({ preventScroll: true });
}

customElements.define('copy-link-status', CopyLinkStatus);
