import { getJson } from '../api.js';
import { colours, correlogram, timeChart } from '../charts.js';
import { errorNote, facts, h, link, replace, section } from '../dom.js';
import { listed, num, timestamps } from '../format.js';
import { appendForm } from './append-form.js';
import { retrainingPolicies } from './retraining.js';
import { runsAndModels } from './runs-and-models.js';
import { trainingForm } from './training-form.js';

export async function renderSeries(view, { params: [id], signal }) {
  const series = await getJson(`/api/series/${id}?includeValues=true`, { signal });
  const summary = h('div', { id: 'series-summary' });
  const diagnostics = h('div', {});
  // An append changes the values, their statistics and their diagnostics; the runs and models stay as they were.
  const grown = async () => {
    try {
      showSummary(summary, await getJson(`/api/series/${id}?includeValues=true`, { signal }));
    } catch (error) {
      if (!signal.aborted) {
        replace(summary, errorNote(error));
      }
    }
    await showDiagnostics(diagnostics, id, signal);
  };
  view.append(
    h('p', { class: 'crumbs' }, link('/', 'All series'),
      series.collectionId ? [' · member ', h('strong', {}, series.key), ' of ', link(`/collections/${series.collectionId}`, 'its collection')] : null),
    h('h1', {}, series.name),
    summary,
    appendForm({ series, signal, onAppended: grown }),
    section('diagnostics', 'Diagnostics', diagnostics));
  showSummary(summary, series);

  const [train, past, retraining] = await Promise.all([
    trainingForm({ defaultsPath: `/api/series/${id}/hyperparameters`, runsPath: `/api/series/${id}/training-runs`, signal }),
    runsAndModels('series', id, signal),
    retrainingPolicies('series', id, signal),
    showDiagnostics(diagnostics, id, signal),
  ]);
  view.append(train, past, retraining);
}

/** The series' facts and its chart, in a container already on the page (the chart takes its width). */
function showSummary(container, series) {
  const stats = series.statistics;
  const chart = section('values', 'The series');
  replace(container,
    facts([
      ['frequency', series.frequency],
      ['points', num(series.count)],
      ['from', series.start],
      ['to', series.end],
      ['version', `${num(series.version)} (one more with every append that changed it)`],
      ['mean', num(stats.mean)],
      ['standard deviation', num(stats.standardDeviation)],
      ['range', `${num(stats.min)} to ${num(stats.max)}`],
      ['gaps filled', series.filledGaps.length ? `${series.filledGaps.length} (${series.fillPolicy}): ${listed(series.filledGaps)}` : 'none'],
    ]),
    chart);
  timeChart(chart, {
    title: series.name,
    description: `${series.count} ${series.frequency} values from ${series.start} to ${series.end}`,
    dates: timestamps(series.start, series.frequency, series.count),
    lines: [{ label: series.name, values: series.values, colour: colours.actual }],
  });
}

async function showDiagnostics(container, id, signal) {
  try {
    const d = await getJson(`/api/series/${id}/diagnostics`, { signal });
    const bars = h('div', { class: 'pair' });
    replace(container,
      h('h3', {}, 'In plain words'),
      h('ul', { class: 'interpretation' }, d.interpretation.map((line) => h('li', {}, line))),
      facts([
        d.adf && ['ADF (unit root)', `statistic ${num(d.adf.statistic)}, p-value ${num(d.adf.pValue)}`],
        d.kpss && ['KPSS (stationarity)', `statistic ${num(d.kpss.statistic)}, p-value ${num(d.kpss.pValue)}${d.kpss.pValueOutsideTable ? ' (outside the table)' : ''}`],
        ...d.ljungBox.map((l) => [`Ljung-Box, lag ${l.lag}`, `Q ${num(l.statistic)}, p-value ${num(l.pValue)}`]),
        ['seasonality', d.seasonality.isSeasonal ? `seasonal, period ${d.seasonality.period}` : 'no clear season'],
      ]),
      bars,
      h('p', { class: 'note' }, 'Bars beyond the dashed bounds differ from zero at the 5 % level.'));
    correlogram(bars, { title: 'Autocorrelation (ACF)', points: d.acf });
    if (d.pacf) {
      correlogram(bars, { title: 'Partial autocorrelation (PACF)', points: d.pacf });
    }
  } catch (error) {
    if (!signal.aborted) {
      replace(container, errorNote(error));
    }
  }
}
