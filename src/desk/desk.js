// The desk's only script (npm run desk), served as a file: every page works without it. It adds
// dropping a file on the import form, and moves focus to the field a check result links to.

const zone = document.querySelector('[data-drop-zone]');
if (zone) {
  const input = zone.querySelector('input[type="file"]');
  const hint = zone.querySelector('[data-drop-hint]');
  if (hint) hint.hidden = false;
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    const files = event.dataTransfer?.files;
    if (input && files && files.length) {
      input.files = files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      input.focus();
    }
  });
}

// A link from the check view (…#f-title) lands on the control itself, ready to type.
const target = location.hash
  ? document.getElementById(decodeURIComponent(location.hash.slice(1)))
  : null;
if (target && target.matches('input, select, textarea')) target.focus();
