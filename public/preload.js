// Runs before the app's WebAssembly has arrived: starts fetching the content
// document of the page being opened, so it is ready when the app asks for it
// instead of being requested only after start-up. A page the build rendered
// carries its document already. The mapping from address to document
// mirrors `Route::api_path` in crates/content/src/route.rs.
if (!document.documentElement.hasAttribute('data-prerendered')) {
  const meta = document.querySelector('meta[name="portal-api-base"]');
  const api = new URL(meta?.content || 'api/v1/', document.baseURI);
  const base = new URL(document.baseURI).pathname;
  const route = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : '';
  const page = route.match(/^(kk|ru|en)\/?((?:topics|pages|agencies|regions)\/[a-z0-9-]+|agencies|regions|accessibility)?\/?$/);
  if (page) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = new URL(`${page[1]}/${page[2] ?? 'site'}.json`, api).href;
    document.head.append(link);
  }
}
