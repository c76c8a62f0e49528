// Runs in <head>, before the first paint: applies the reader's remembered
// display settings (the version for the visually impaired) to <html>, so a
// page shows in their colours and text size from the start instead of
// switching when the app has loaded. The app's src/display.rs owns the
// settings and applies them again; this reads the same stored JSON and keeps
// to the values the styles know.
try {
  const saved = JSON.parse(localStorage.getItem('portal.display') || 'null');
  if (saved && typeof saved === 'object') {
    const one = (value, allowed) => (allowed.includes(value) ? value : allowed[0]);
    const root = document.documentElement;
    root.setAttribute('data-scheme', one(saved.scheme, ['standard', 'black-on-white', 'white-on-black', 'dark-blue-on-light-blue', 'brown-on-beige', 'green-on-dark-brown']));
    root.setAttribute('data-font-size', String(one(saved.font_size, [100, 125, 150, 175, 200])));
    root.setAttribute('data-letter-spacing', one(saved.letter_spacing, ['normal', 'wider', 'widest']));
    root.setAttribute('data-line-height', one(saved.line_height, ['normal', 'larger', 'largest']));
    root.setAttribute('data-images', one(saved.images, ['shown', 'greyscale', 'hidden']));
    root.setAttribute('data-mode', saved.screen_reader === true ? 'screen-reader' : 'standard');
  }
} catch {
  // No storage, or something else stored there: the defaults apply.
}

// The settings button does nothing until the app runs. On a page the build
// rendered, a reader may press it before then: the request is noted here and
// the app opens the settings once it has taken the page over (src/components/display_panel.rs).
document.addEventListener('click', (event) => {
  const root = document.documentElement;
  if (root.hasAttribute('data-prerendered') && event.target instanceof Element && event.target.closest('#display-toggle')) {
    root.toggleAttribute('data-display-requested');
  }
}, true);

// Scripts run: the steps of a life situation start closed, with buttons
// to open them (without scripts every step shows; src/pages/life.rs).
document.documentElement.setAttribute('data-scripts', '');

// Until the app has taken a rendered page over (or if it never does), the
// steps' buttons work from here; the app reads which are open when it starts.
document.addEventListener('click', (event) => {
  const root = document.documentElement;
  if (!root.hasAttribute('data-prerendered') || !(event.target instanceof Element)) return;
  const one = event.target.closest('.step-toggle');
  const all = event.target.closest('.steps-toggle-all');
  if (!one && !all) return;
  const steps = [...document.querySelectorAll('.step')];
  const isOpen = (step) => step.classList.contains('step-open');
  const setOpen = (step, open) => {
    step.classList.toggle('step-open', open);
    step.querySelector('.step-toggle')?.setAttribute('aria-expanded', String(open));
  };
  if (one) setOpen(one.closest('.step'), !isOpen(one.closest('.step')));
  if (all) {
    const open = !steps.every(isOpen);
    steps.forEach((step) => setOpen(step, open));
  }
  const allOpen = steps.every(isOpen);
  document.querySelector('.steps-controls')?.classList.toggle('all-open', allOpen);
  document.querySelector('.steps-toggle-all')?.setAttribute('aria-expanded', String(allOpen));
}, true);
