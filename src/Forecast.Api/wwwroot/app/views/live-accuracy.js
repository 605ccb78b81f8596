import { getJson } from '../api.js';
import { colours, timeChart } from '../charts.js';
import { errorNote, facts, h, link, table } from '../dom.js';
import { num } from '../format.js';

/**
 * A series' model on the observations that arrived after it was trained (GET /api/models/{id}/accuracy): its multi-step
 * forecast from every origin since its test tail began, scored on the actuals there are so far beside seasonal naive's
 * from the same origins, per origin (where a model that degrades shows it) and per horizon step. testEnd is the test
 * tail's last period: until the series grows past it, every origin lies in the tail the evaluation already scores.
 * member names the series' key under a collection's model.
 */
export async function showLiveAccuracy(container, { modelId, series, member, testEnd, signal }) {
  if (series.end === testEnd) {
    container.append(h('p', { id: 'live-none' }, `No observations have arrived after the test tail, which ends ${testEnd}, so there is nothing new to score yet: `,
      link(`/series/${series.id}`, 'append them on the series’ page'), ' as they come.'));
    return;
  }
  let live;
  try {
    const query = member === undefined ? '' : `?${new URLSearchParams({ series: member })}`;
    live = await getJson(`/api/models/${modelId}/accuracy${query}`, { signal });
  } catch (error) {
    if (!signal.aborted) {
      container.append(errorNote(error));
    }
    return;
  }
  const origins = live.origins;
  const newest = origins[origins.length - 1].origin;
  container.append(
    h('p', {}, `The model’s forecast of ${live.horizon} periods from each of ${origins.length} origins, ${live.firstOrigin} (the test tail’s) to ${newest}, `
      + `scored on the actuals that have arrived (series version ${live.seriesVersion}), beside seasonal naive’s from the same origins. Nothing is retrained.`),
    facts([
      ['mean MASE over the origins', `${num(live.meanMase)} (seasonal naive ${num(live.meanSeasonalNaiveMase)})`],
      ['mean sMAPE % over the origins', `${num(live.meanSmape)} (seasonal naive ${num(live.meanSeasonalNaiveSmape)})`],
    ]));
  timeChart(container, {
    title: 'MASE by forecast origin',
    description: `the model’s and seasonal naive’s MASE from each origin, ${live.firstOrigin} to ${newest}; the newest origins have fewer actuals to score`,
    dates: origins.map((o) => o.origin),
    points: true,
    lines: [
      { label: 'LSTM', values: origins.map((o) => o.model.mase), colour: colours.model },
      { label: 'seasonal naive', values: origins.map((o) => o.seasonalNaive.mase), colour: colours.seasonalNaive, dash: [4, 4] },
    ],
  });
  const scores = ['LSTM MASE', 'seasonal naive MASE', 'LSTM sMAPE %', 'seasonal naive sMAPE %'];
  container.append(
    table('By horizon step: the mean over the origins with an actual that far ahead', ['step', 'origins', ...scores],
      live.steps.map((s) => [num(s.step), num(s.origins), num(s.mase), num(s.seasonalNaiveMase), num(s.smape), num(s.seasonalNaiveSmape)]), { id: 'live-steps' }),
    h('details', {}, h('summary', {}, 'Every origin as a table'),
      table('By forecast origin', ['origin', 'actuals scored', ...scores],
        origins.map((o) => [o.origin, num(o.points), num(o.model.mase), num(o.seasonalNaive.mase), num(o.model.smape), num(o.seasonalNaive.smape)]),
        { id: 'live-origins' })));
}
