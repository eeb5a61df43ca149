/**
 * A former address (redirect page) moves on by itself through <meta http-equiv="refresh">,
 * which drops the fragment: a link to /old-id/#old-id-p3 would land at the top of the section.
 * With JavaScript, this element goes first and keeps the fragment; the section page still
 * carries the former ids, so #old-id-p3 lands on its paragraph.
 */
class RedirectNotice extends HTMLElement {
  connectedCallback() {
    const link = this.querySelector<HTMLAnchorElement>('a[data-redirect-target]');
    if (link && location.hash) location.replace(`${link.href.split('#')[0]}${location.hash}`);
  }
}

customElements.define('redirect-notice', RedirectNotice);
