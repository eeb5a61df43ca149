/**
 * Section and paragraph links (COPY_LINKS) copy their full URL when clicked, tapped or
 * activated with Enter; the status region inside this element says so, visibly and to screen
 * readers. Where the Clipboard API is missing or refuses, the link works as the plain anchor it
 * is without JavaScript. Landing on a fragment moves focus to the section or paragraph, so a
 * screen reader starts reading there and Tab continues from it.
 */
import { permalinkUi } from '../i18n/permalink.ts';
import { fragmentId } from '../lib/addresses/ids.ts';
import { gbtCitation, localIsoDate } from '../lib/editions/citation.ts';
import { type PageCitation, readCitationData } from '../lib/editions/page-citation.ts';
import copyLinksStylesheet from '../styles/copy-links.css?url';
import { COPY_LINKS, copyLinkOf, isPlainClick } from './copy-links.ts';
import { addStylesheet } from './stylesheet.ts';

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
        // A section link is named by reference in the markup, which would outrank the label.
        link.removeAttribute('aria-labelledby');
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
    const cite = readCitationData(
      document.querySelector('[data-cite]')?.getAttribute('data-cite'),
      canonicalUrl(),
    );
    if (cite) this.#addCiteButtons(cite);
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
    const link = copyLinkOf(event);
    if (!link || !isPlainClick(event)) return;
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

  /**
   * 引用本段 after every paragraph link and 引用本节 after every section link: one tap copies a
   * GB/T 7714 reference naming the edition, dated today, and the status shows it in full. A
   * section's button is in the markup (SectionHeading.astro, shown by on-demand.ts), so the
   * headings look the same before this file has loaded; a paragraph's shows only with its link.
   */
  #addCiteButtons(cite: PageCitation) {
    for (const link of document.querySelectorAll<HTMLAnchorElement>(COPY_LINKS)) {
      const section = isSectionLink(link);
      const id = fragmentId(link.hash);
      const heading = section
        ? document.getElementById(id)?.textContent?.trim()
        : headingOf(link.closest('section[aria-labelledby]'));
      const sent = link.nextElementSibling;
      const button =
        sent instanceof HTMLButtonElement && sent.classList.contains('cite-button')
          ? sent
          : document.createElement('button');
      if (button !== sent) {
        button.type = 'button';
        button.className = 'cite-button';
        button.textContent = permalinkUi['cite.paragraph'];
        link.after(button);
      }
      button.hidden = false;
      button.setAttribute(
        'aria-label',
        section
          ? permalinkUi['cite.sectionLabel'](heading ?? '')
          : permalinkUi['cite.paragraphLabel'],
      );
      button.addEventListener('click', () => {
        const url = new URL(`#${encodeURIComponent(id)}`, cite.url).href;
        const citation = gbtCitation({ ...cite, heading, url }, localIsoDate());
        const copied = () => this.#announce(permalinkUi['cite.copied'](citation), 10000);
        const failed = () => this.#announce(permalinkUi['cite.copyFailed'](citation), 30000);
        if (canCopy()) navigator.clipboard.writeText(citation).then(copied, failed);
        else failed();
      });
    }
  }

  #announce(message: string, showFor = 4000) {
    const status = this.#status;
    if (!status) return;
    window.clearTimeout(this.#timer);
    // Emptying first makes a repeated message a change a screen reader announces again.
    status.textContent = '';
    window.setTimeout(() => {
      status.textContent = message;
      this.#timer = window.setTimeout(() => (status.textContent = ''), showFor);
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

/** The heading text of the section element a paragraph is in; none for the preamble. */
function headingOf(section: Element | null): string | undefined {
  const id = section?.getAttribute('aria-labelledby');
  return (id && document.getElementById(id)?.textContent?.trim()) || undefined;
}

/**
 * Focus the landed section heading or paragraph; a former id (alias) stands for its section or
 * paragraph. A paragraph a correction removed leads to the last edition that had it.
 */
function focusTarget() {
  const id = fragmentId(location.hash);
  if (!id) return;
  const landed = document.getElementById(id);
  const removedIn = landed?.classList.contains('paragraph-removed')
    ? landed.querySelector<HTMLAnchorElement>('a[href]')
    : null;
  if (removedIn) {
    location.replace(removedIn.href);
    return;
  }
  const aliasOf = landed?.dataset['aliasOf'];
  const target = aliasOf ? document.getElementById(aliasOf) : landed;
  if (!target || target === document.activeElement) return;
  if (!target.hasAttribute('tabindex')) {
    target.setAttribute('tabindex', '-1');
    target.addEventListener('blur', () => target.removeAttribute('tabindex'), { once: true });
  }
  target.focus({ preventScroll: true });
}

// The buttons it adds are styled before they appear.
void addStylesheet(copyLinksStylesheet).then(() =>
  customElements.define('copy-link-status', CopyLinkStatus),
);
