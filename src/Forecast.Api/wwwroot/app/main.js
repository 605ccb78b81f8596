import { currentKey, forgetKey, useKey } from './key.js';
import { h } from './dom.js';
import { renderHome } from './views/home.js';
import { renderSeries } from './views/series.js';
import { renderCollection } from './views/collection.js';
import { renderRun } from './views/run.js';
import { renderModel } from './views/model.js';
import { renderMember } from './views/member.js';

// Pages are addressed after the '#', so the server serves one document and every page can be bookmarked.
const routes = [
  [/^\/?$/, renderHome],
  [/^\/series\/([^/]+)$/, renderSeries],
  [/^\/collections\/([^/]+)$/, renderCollection],
  [/^\/runs\/([^/]+)$/, renderRun],
  [/^\/models\/([^/]+)$/, renderModel],
  [/^\/models\/([^/]+)\/members\/(.+)$/, renderMember],
];

const view = document.getElementById('view');
const messages = document.getElementById('messages');
let leaving = new AbortController();

/** Shows an error that concerns the whole page (the key, a page that cannot load). */
export function showError(error) {
  messages.replaceChildren(h('p', { class: 'error' }, error.message));
}

async function render() {
  leaving.abort();
  leaving = new AbortController();
  const { signal } = leaving;
  messages.replaceChildren();
  const path = decodeURIComponent(location.hash.replace(/^#/, ''));
  const match = routes.map(([pattern, page]) => [path.match(pattern), page]).find(([found]) => found);
  view.replaceChildren();
  if (!match) {
    view.append(h('h1', {}, 'Not found'), h('p', {}, 'Nothing is shown at this address. ', h('a', { href: '#/' }, 'Go to the start.')));
    return;
  }
  if (!currentKey()) {
    view.append(h('h1', {}, 'Forecast'),
      h('p', { class: 'lead' }, 'Enter an API key above to see your series, upload new ones, train models and read their forecasts.'));
    document.getElementById('api-key').focus();
    return;
  }
  const [found, page] = match;
  try {
    await page(view, { params: found.slice(1), signal });
  } catch (error) {
    if (!signal.aborted) {
      showError(error);
    }
  }
}

const keyForm = document.getElementById('key-form');
const keyInput = document.getElementById('api-key');
keyInput.value = currentKey();
keyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  useKey(keyInput.value.trim());
  render();
});
document.getElementById('forget-key').addEventListener('click', () => {
  forgetKey();
  keyInput.value = '';
  render();
});
window.addEventListener('hashchange', () => {
  render().then(() => view.focus({ preventScroll: false }));
});
render();
