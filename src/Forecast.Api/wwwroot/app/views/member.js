import { getJson } from '../api.js';
import { colours, timeChart } from '../charts.js';
import { h, link, section, table } from '../dom.js';
import { num } from '../format.js';
import { showAnomalies } from './anomalies.js';
import { forecastPanel } from './forecast-panel.js';
import { showLiveAccuracy } from './live-accuracy.js';
import { metricsTable } from './metrics.js';

/** One member of a collection under its model: its test tail, its baselines, its forecast, and how it does as it grows. */
export async function renderMember(view, { params: [modelId, key], signal }) {
  const [evaluation, model] = await Promise.all([
    getJson(`/api/models/${modelId}/members/${encodeURIComponent(key)}`, { signal }),
    getJson(`/api/models/${modelId}`, { signal }),
  ]);
  const series = await getJson(`/api/series/${evaluation.seriesId}?includeValues=true`, { signal });
  // A global network was written by TorchSharp; a statistical method fitted this member on its own; the ensemble did both.
  const ensemble = model.method === 'ensemble';
  const network = model.torchSharpVersion !== null && !ensemble;
  const forecaster = ensemble ? 'ensemble' : network ? 'global LSTM' : model.method;
  const p = evaluation.points;
  const interval = (level, side) => p.map((x) => x.intervals.find((i) => i.level === level)?.[side] ?? null);
  view.append(
    h('p', { class: 'crumbs' }, link('/', 'All series'), ' · ', link(`/collections/${series.collectionId}`, 'the collection'), ' · ',
      link(`/models/${modelId}`, network ? 'its global model' : `its ${model.method} model`), ' · ', link(`/series/${series.id}`, 'the member as a series')),
    h('h1', {}, `Member ${key}`));
  if (evaluation.fallback) {
    // The ensemble still forecasts the member: Theta stands in for one of its components, and the fallback says which.
    view.append(h('p', { class: 'note' }, ensemble ? `Theta stands in: ${evaluation.fallback}` : `Forecast by the Theta method: ${evaluation.fallback}`));
  }
  const tail = section('test-tail', `Test tail: the last ${p.length} points, held out`);
  view.append(tail);
  timeChart(tail, {
    title: 'Actual against the forecast of the test tail',
    description: `actual and the ${forecaster}’s multi-step forecast with its 80 % and 95 % intervals`,
    dates: p.map((x) => x.timestamp),
    points: true,
    lines: [
      { label: 'actual', values: p.map((x) => x.actual), colour: colours.actual },
      { label: forecaster, values: p.map((x) => x.forecast), colour: colours.model },
    ],
    bands: [
      { label: '95 %', upper: interval(95, 'upper'), lower: interval(95, 'lower'), fill: colours.band95 },
      { label: '80 %', upper: interval(80, 'upper'), lower: interval(80, 'lower'), fill: colours.band80 },
    ],
  });
  const b = evaluation.baselines;
  tail.append(
    metricsTable('Accuracy on the test tail', [
      [forecaster, evaluation.metrics], ['naive', b.naive], ['seasonal naive', b.seasonalNaive], ['Naive2', b.naive2], ['Theta', b.theta],
    ], 'metrics', b.seasonalNaive),
    h('details', {}, h('summary', {}, 'The test tail as a table'),
      table('Test tail', ['date', 'actual', 'forecast'], p.map((x) => [x.timestamp, num(x.actual), num(x.forecast)]))));
  const forecast = forecastPanel({ modelId, series, member: key, defaultHorizon: p.length, signal });
  const live = section('live-accuracy', 'Accuracy as the member grows');
  const anomalies = section('anomalies', 'Anomalies');
  view.append(forecast.container, live, anomalies);
  await Promise.all([
    forecast.ready,
    showLiveAccuracy(live, { modelId, series, member: key, testEnd: p[p.length - 1].timestamp, signal }),
    showAnomalies(anomalies, { seriesId: series.id, modelId, signal }),
  ]);
}
