import { getJson } from '../api.js';
import { facts, h, link, section, table } from '../dom.js';
import { calendarText, dateTime, num } from '../format.js';
import { retrainingPolicies } from './retraining.js';
import { runsAndModels } from './runs-and-models.js';
import { pagedList } from './paged-list.js';
import { trainingForm } from './training-form.js';

export async function renderCollection(view, { params: [id], signal }) {
  const collection = await getJson(`/api/collections/${id}`, { signal });
  const lengths = collection.lengths;
  const members = section('members', 'Members');
  view.append(
    h('p', { class: 'crumbs' }, link('/', 'All collections')),
    h('h1', {}, collection.name),
    facts([
      ['frequency', collection.frequency],
      ['members', num(collection.memberCount)],
      ['points', num(collection.totalPoints)],
      ['lengths', `${num(lengths.shortest)} to ${num(lengths.longest)}, median ${num(lengths.median)}`],
      ['dates', `${collection.start} to ${collection.end}`],
      ['uploaded', dateTime(collection.createdAt)],
      ['gaps filled', collection.gaps.length ? `in ${collection.gaps.length} members (${collection.fillPolicy})` : 'none'],
      collection.calendar && ['calendar', `${calendarText(collection.calendar)}, followed by every member`],
    ]),
    h('p', { class: 'note' }, 'A model trained below, one global LSTM, a statistical method fitted to each member, or the ensemble of both, scores every member on its test tail; the model’s page lists the members by MASE.'),
    members);
  const [train, past, retraining] = await Promise.all([
    trainingForm({ defaultsPath: `/api/collections/${id}/hyperparameters`, runsPath: `/api/collections/${id}/training-runs`, collection: true, signal }),
    runsAndModels('collections', id, signal),
    retrainingPolicies('collections', id, signal),
    pagedList(members, `/api/collections/${id}/series`, signal, 'No members.', (page) => table(
      `Members by key (${page.total})`, ['key', 'points', 'from', 'to'],
      page.items.map((m) => [link(`/series/${m.id}`, m.key), num(m.count), m.start, m.end]))),
  ]);
  view.append(train, past, retraining);
}
