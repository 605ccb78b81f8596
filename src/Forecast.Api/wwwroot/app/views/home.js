import { h, link, section, table } from '../dom.js';
import { dateTime, num } from '../format.js';
import { pagedList } from './paged-list.js';
import { uploadForm } from './upload.js';

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
