import { getJson } from '../api.js';
import { errorNote, field, h, replace, table } from '../dom.js';
import { num } from '../format.js';

const levels = [90, 95, 99, 99.9];

/**
 * The observations outside a model's one-step prediction interval, from its test tail on
 * (GET /api/series/{id}/anomalies), at a level the user chooses: the lower the level, the more are flagged.
 */
export async function showAnomalies(container, { seriesId, modelId, signal }) {
  const level = h('select', { id: 'anomaly-level' }, levels.map((l) => h('option', { value: l, selected: l === 99 }, `${num(l)} %`)));
  const body = h('div', { 'aria-live': 'polite' });
  container.append(
    h('form', { class: 'inline' }, field('Interval level', level)),
    body,
    h('p', { class: 'note' }, 'Score: the distance from the one-step forecast over the distance to the interval’s bound on that side; '
      + 'above 1 lies above the interval, below −1 below it.'));
  const show = async () => {
    try {
      const query = new URLSearchParams({ modelId, level: level.value });
      const found = await getJson(`/api/series/${seriesId}/anomalies?${query}`, { signal });
      const interval = `the model’s one-step ${num(found.level)} % interval`;
      replace(body, found.anomalies.length === 0
        ? h('p', { id: 'anomalies-none' }, `None: every observation from ${found.checkedFrom} on lies inside ${interval}.`)
        : table(`Observations from ${found.checkedFrom} on outside ${interval} (${found.anomalies.length})`,
          ['date', 'actual', 'one-step forecast', 'lower', 'upper', 'score'],
          found.anomalies.map((a) => [a.timestamp, num(a.actual), num(a.predicted), num(a.lower), num(a.upper), num(a.score)]), { id: 'anomaly-table' }));
    } catch (error) {
      if (!signal.aborted) {
        body.replaceChildren(errorNote(error));
      }
    }
  };
  level.addEventListener('change', show);
  await show();
}
