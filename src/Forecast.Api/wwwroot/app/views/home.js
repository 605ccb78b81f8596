import { getJson } from '../api.js';
import { errorNote, h, link, replace, section, table } from '../dom.js';
import { dateTime, num } from '../format.js';
import { uploadForm } from './upload.js';

const pageSize = 20;

export async function renderHome(view, { signal }) {
  const seriesList = section('series-list', 'Series');
  const collectionList = section('collection-list', 'Collections');
  const lists = {};
  view.append(
    h('h1', {}, 'Forecast'),
    h('p', { class: 'lead' }, 'Upload a series, train an LSTM on it, watch its loss curve and read its forecasts beside honest baselines.'),
    uploadForm((kind) => lists[kind]?.(1)),
    h('div', { class: 'columns' }, seriesList, collectionList));
  [lists.series, lists.collection] = await Promise.all([
    pagedList(seriesList, '/api/series', signal, 'No series yet: upload one above.', (page) => table(
      `Series, newest first (${page.total})`, ['name', 'frequency', 'points', 'from', 'to', 'uploaded'],
      page.items.map((s) => [link(`/series/${s.id}`, s.name), s.frequency, num(s.count), s.start, s.end, dateTime(s.createdAt)]))),
    pagedList(collectionList, '/api/collections', signal, 'No collections yet: upload a long CSV (series,date,value) above.', (page) => table(
      `Collections, newest first (${page.total})`, ['name', 'frequency', 'members', 'uploaded'],
      page.items.map((c) => [link(`/collections/${c.id}`, c.name), c.frequency, num(c.memberCount), dateTime(c.createdAt)]))),
  ]);
}

/** A list read a page at a time, with buttons for the pages before and after; answers a function that shows page n again. */
export async function pagedList(container, path, signal, empty, render) {
  const body = h('div', {});
  container.append(body);
  const show = async (number) => {
    try {
      const separator = path.includes('?') ? '&' : '?';
      const page = await getJson(`${path}${separator}page=${number}&pageSize=${pageSize}`, { signal });
      const pages = Math.max(1, Math.ceil(page.total / pageSize));
      replace(body,
        page.total === 0 ? h('p', {}, empty) : render(page),
        pages > 1 ? h('nav', { class: 'pager', 'aria-label': 'pages' },
          h('button', { type: 'button', disabled: number <= 1, onclick: () => show(number - 1) }, 'Previous page'),
          h('span', {}, `page ${number} of ${pages}`),
          h('button', { type: 'button', disabled: number >= pages, onclick: () => show(number + 1) }, 'Next page')) : null);
    } catch (error) {
      if (!signal.aborted) {
        body.replaceChildren(errorNote(error));
      }
    }
  };
  await show(1);
  return show;
}
