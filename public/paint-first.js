// Runs first in the app's loader. On a prerendered page the reader already
// has the page: its first paint gets the network and the processor before
// the app's code is even requested. (A request started before the first
// paint competes with the CSS on a slow network.) Elsewhere, as on the
// search page, nothing can show before the app, and it starts at once.
if (document.documentElement.hasAttribute('data-prerendered')) {
  // Once the browser reports the first contentful paint; at the latest
  // after half a second (a background tab paints nothing, and a browser
  // may not report paints).
  await new Promise((ok) => {
    try {
      new PerformanceObserver((list, observer) => {
        if (list.getEntriesByName('first-contentful-paint').length) { observer.disconnect(); setTimeout(ok, 0); }
      }).observe({ type: 'paint', buffered: true });
    } catch {
      ok();
    }
    setTimeout(ok, 500);
  });
}
