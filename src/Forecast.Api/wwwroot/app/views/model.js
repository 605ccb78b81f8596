import { getJson, request } from '../api.js';
import { colours, timeChart } from '../charts.js';
import { errorNote, facts, field, h, link, replace, section, table } from '../dom.js';
import { epochs, num, percent, seconds } from '../format.js';
import { saveFile } from '../download.js';
import { showAnomalies } from './anomalies.js';
import { showCollectionBacktest, showSeriesBacktest } from './backtest.js';
import { forecastPanel } from './forecast-panel.js';
import { showLiveAccuracy } from './live-accuracy.js';
import { metricsTable } from './metrics.js';

export async function renderModel(view, { params: [id], signal }) {
  const model = await getJson(`/api/models/${id}`, { signal });
  if (model.collectionId) {
    await renderCollectionModel(view, model, signal);
  } else {
    await renderSeriesModel(view, model, signal);
  }
}

function coverage(intervals) {
  return intervals.length
    ? intervals.map((c) => `${num(c.level)} % interval: ${percent(c.coverage)} of the test points inside`).join(' · ')
    : 'no intervals (trained without a validation part)';
}

async function renderSeriesModel(view, model, signal) {
  const [series, evaluation] = await Promise.all([
    getJson(`/api/series/${model.seriesId}?includeValues=true`, { signal }),
    getJson(`/api/models/${model.id}/evaluation`, { signal }),
  ]);
  const hp = model.hyperparameters;
  const skill = model.skillVsSeasonalNaive;
  // A network has a transform; a statistical method's fit has none, and its run's choices say what it chose.
  const network = model.transform === null ? [] : [
    ['transform', model.transform],
    ['network', `${hp.layers} × ${hp.hiddenSize} LSTM, lookback ${hp.lookback}`],
    ['training', `${epochs(model)}, ${seconds(model.trainingSeconds)}`],
    ['seed', String(hp.seed)],
  ];
  const name = model.method.toUpperCase();
  // Several seasons (mstl decomposes each); the longest is the seasonal period the skill note below names.
  const seasons = hp.seasonalPeriods?.length > 1 ? [['seasonal periods', hp.seasonalPeriods.join(', ')]] : [];
  view.append(
    h('p', { class: 'crumbs' }, link('/', 'All series'), ' · ', link(`/series/${series.id}`, series.name), ' · ', link(`/runs/${model.runId}`, 'its run')),
    h('h1', {}, `${name} model of ${series.name}`),
    facts([
      ['method', model.method],
      ...seasons,
      ...network,
      ['skill against seasonal naive', skill === null ? '–' : `${num(skill)} (${model.beatsSeasonalNaive ? 'beats it' : 'does not beat it'})`],
      ['interval coverage', coverage(model.intervalCoverage)],
    ]));

  const tail = section('test-tail', `Test tail: the last ${model.testSize} points, held out`);
  view.append(tail);
  const p = evaluation.points;
  timeChart(tail, {
    title: 'Actual against the forecasts of the test tail',
    description: `actual, the ${name} one-step and multi-step, and the naive, seasonal naive and drift baselines`,
    dates: p.map((x) => x.timestamp),
    points: true,
    lines: [
      { label: 'actual', values: p.map((x) => x.actual), colour: colours.actual },
      { label: `${name} multi-step`, values: p.map((x) => x.multiStep), colour: colours.model },
      { label: `${name} one-step`, values: p.map((x) => x.oneStep), colour: colours.oneStep, dash: [2, 3] },
      { label: 'naive', values: p.map((x) => x.naive), colour: colours.naive, dash: [8, 4] },
      { label: 'seasonal naive', values: p.map((x) => x.seasonalNaive), colour: colours.seasonalNaive, dash: [4, 4] },
      { label: 'drift', values: p.map((x) => x.drift), colour: colours.drift, dash: [1, 4] },
    ],
  });
  tail.append(
    metricsTable('Accuracy on the test tail (multi-step is recursive from the forecast origin, as R’s forecast() is)', [
      [`${name} multi-step`, model.metrics],
      [`${name} one-step`, model.oneStepMetrics],
      ['naive', model.baselines.naive],
      ['seasonal naive', model.baselines.seasonalNaive],
      ['drift', model.baselines.drift],
    ], 'metrics', model.baselines.seasonalNaive),
    h('p', { class: 'note' }, `Skill = 1 − MAE / MAE(seasonal naive, period ${model.seasonalPeriod}): above 0 beats seasonal naive.`),
    h('details', {}, h('summary', {}, 'The test tail as a table'),
      table('Test tail', ['date', 'actual', 'multi-step', 'one-step', 'naive', 'seasonal naive', 'drift'],
        p.map((x) => [x.timestamp, num(x.actual), num(x.multiStep), num(x.oneStep), num(x.naive), num(x.seasonalNaive), num(x.drift)]))));

  const forecast = forecastPanel({ modelId: model.id, series, defaultHorizon: Math.max(12, model.seasonalPeriod), signal });
  const live = section('live-accuracy', 'Accuracy as the series grows');
  const anomalies = section('anomalies', 'Anomalies');
  const backtest = section('backtest', 'Backtest');
  view.append(forecast.container, live, anomalies, backtest);
  showSeriesBacktest(backtest, { model, series, signal });
  await Promise.all([
    forecast.ready,
    showLiveAccuracy(live, { modelId: model.id, series, testEnd: p[p.length - 1].timestamp, signal }),
    showAnomalies(anomalies, { seriesId: series.id, modelId: model.id, signal }),
  ]);
}

async function renderCollectionModel(view, model, signal) {
  const collection = await getJson(`/api/collections/${model.collectionId}`, { signal });
  const a = model.accuracy;
  // A global network was written by TorchSharp; a statistical method fitted each member on its own; the ensemble did both.
  const ensemble = model.method === 'ensemble';
  const network = model.torchSharpVersion !== null;
  const forecaster = ensemble ? 'ensemble' : network ? 'global LSTM' : model.method;
  const method = ensemble
    ? 'ensemble: the median of a global LSTM and ets, arima and theta fitted to each member'
    : network ? `${model.method}: one network over every member` : `${model.method}: fitted to each member on its own`;
  view.append(
    h('p', { class: 'crumbs' }, link('/', 'All series'), ' · ', link(`/collections/${collection.id}`, collection.name), ' · ', link(`/runs/${model.runId}`, 'its run')),
    h('h1', {}, network && !ensemble ? `Global model of ${collection.name}` : `${model.method.toUpperCase()} model of ${collection.name}`),
    facts([
      ['method', method],
      ['members', `${num(model.members)}${model.fallbacks ? `, ${model.fallbacks} forecast by Theta (too short for the lookback)` : ''}`],
      network
        ? ['training', `${epochs(model)}, ${num(model.trainingWindows)} windows, ${seconds(model.trainingSeconds)}`]
        : ['fitting', `${num(model.epochsRun)} members fitted, ${seconds(model.trainingSeconds)}`],
      ['mean MASE', `${num(a.model.mase)} (median ${num(a.medianMase)})`],
      ['beats seasonal naive on', percent(a.shareBeatingSeasonalNaive)],
      ['beats Theta on', percent(a.shareBeatingTheta)],
      ['interval coverage', coverage(model.intervalCoverage)],
    ]),
    section('collection-accuracy', 'Accuracy over the members',
      table('Mean over members of the test tails', ['forecast', 'mean MASE', 'mean sMAPE %'], [
        [forecaster, num(a.model.mase), num(a.model.smape)],
        ['naive', num(a.naive.mase), num(a.naive.smape)],
        ['seasonal naive', num(a.seasonalNaive.mase), num(a.seasonalNaive.smape)],
        ['Naive2', num(a.naive2.mase), num(a.naive2.smape)],
        ['Theta', num(a.theta.mase), num(a.theta.smape)],
      ], { id: 'metrics' })));
  if (ensemble) {
    view.append(section('validation', 'Components on the validation parts',
      table('Mean MASE of each forecast of the points before the test tails, which none was fitted or trained on', ['forecast', 'mean MASE'],
        model.validation.map((s) => [s.method, num(s.mase)]), { id: 'validation-scores' })));
  }
  const backtest = section('backtest', 'Backtest');
  const members = section('members', 'Members');
  view.append(backtest, members, allForecasts(model.id, signal));
  showCollectionBacktest(backtest, { model, signal });
  await memberTable(members, model.id, ensemble ? 'the ensemble' : network ? 'the network' : model.method, signal);
}

const sorts = { mase: 'MASE, best first', '-mase': 'MASE, worst first', key: 'key' };

/** The member table, sorted and paged by the API; each key opens that member's page. */
async function memberTable(container, modelId, forecastBy, signal) {
  const sort = h('select', { id: 'member-sort' }, Object.entries(sorts).map(([value, text]) => h('option', { value }, text)));
  const body = h('div', { 'aria-live': 'polite' });
  container.append(h('form', { class: 'inline' }, field('Sort by', sort)), body);
  const pageSize = 20;
  const show = async (page) => {
    try {
      const list = await getJson(`/api/models/${modelId}/members?sort=${encodeURIComponent(sort.value)}&page=${page}&pageSize=${pageSize}`, { signal });
      const pages = Math.max(1, Math.ceil(list.total / pageSize));
      replace(body,
        table(`Members by ${sorts[sort.value]} (${list.total})`, ['key', 'MASE', 'sMAPE %', 'seasonal naive MASE', 'Theta MASE', 'forecast by'],
          list.items.map((m) => [link(`/models/${modelId}/members/${encodeURIComponent(m.key)}`, m.key), num(m.mase), num(m.smape),
            num(m.seasonalNaiveMase), num(m.thetaMase), m.fallback ? 'Theta (fallback)' : forecastBy]), { id: 'member-table' }),
        pages > 1 ? h('nav', { class: 'pager', 'aria-label': 'member pages' },
          h('button', { type: 'button', disabled: page <= 1, onclick: () => show(page - 1) }, 'Previous page'),
          h('span', {}, `page ${page} of ${pages}`),
          h('button', { type: 'button', disabled: page >= pages, onclick: () => show(page + 1) }, 'Next page')) : null);
    } catch (error) {
      body.replaceChildren(errorNote(error));
    }
  };
  sort.addEventListener('change', () => show(1));
  await show(1);
}

/** Every member's forecast as the API's streamed CSV. */
function allForecasts(modelId, signal) {
  const horizon = h('input', { id: 'all-horizon', type: 'number', min: 1, step: 1, value: '12', required: true });
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'inline' }, field('Horizon (periods)', horizon), h('button', { type: 'submit', id: 'download-all' }, 'Download every member’s forecast (CSV)'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const response = await request(`/api/models/${modelId}/forecasts?horizon=${horizon.value}&level=80&level=95`, { headers: { Accept: 'text/csv' }, signal });
      saveFile(`forecasts-${modelId}-${horizon.value}.csv`, await response.blob());
      result.replaceChildren();
    } catch (error) {
      result.replaceChildren(errorNote(error));
    }
  });
  return section('all-forecasts', 'Every member’s forecast', form, result);
}
