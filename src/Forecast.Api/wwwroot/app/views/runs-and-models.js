import { h, link, section, table } from '../dom.js';
import { dateTime, num } from '../format.js';
import { pagedList } from './paged-list.js';

/** A series' or a collection's training runs and models, newest first, from the registry. */
export async function runsAndModels(subject, id, signal) {
  const runs = section('runs', 'Training runs');
  const models = section('models', 'Models');
  const mase = subject === 'collections' ? 'mean MASE' : 'MASE';
  await Promise.all([
    pagedList(runs, `/api/${subject}/${id}/training-runs`, signal, 'None yet: start one with the form above.', (page) => table(
      `Runs, newest first (${page.total})`, ['asked for', 'status', 'epochs', 'model'],
      page.items.map((r) => [link(`/runs/${r.id}`, dateTime(r.createdAt)), r.status, `${r.epoch} of ${r.totalEpochs}`,
        r.modelId ? link(`/models/${r.modelId}`, 'open the model') : '–']))),
    pagedList(models, `/api/${subject}/${id}/models`, signal, 'None yet.', (page) => table(
      `Models, newest first (${page.total}), scored on the test tail`, ['trained', 'method', mase, 'test size'],
      page.items.map((m) => [link(`/models/${m.id}`, dateTime(m.createdAt)), m.method, num(m.mase), num(m.testSize)]))),
  ]);
  return h('div', { class: 'columns' }, runs, models);
}
