import { getJson } from '../api.js';
import { colours, correlogram, timeChart } from '../charts.js';
import { errorNote, facts, h, link, section } from '../dom.js';
import { num, timestamps } from '../format.js';
import { runsAndModels } from './runs-and-models.js';
import { trainingForm } from './training-form.js';

export async function renderSeries(view, { params: [id], signal }) {
  const series = await getJson(`/api/series/${id}?includeValues=true`, { signal });
  const stats = series.statistics;
  const chart = section('values', 'The series');
  view.append(
    h('p', { class: 'crumbs' }, link('/', 'All series'),
      series.collectionId ? [' · member ', h('strong', {}, series.key), ' of ', link(`/collections/${series.collectionId}`, 'its collection')] : null),
    h('h1', {}, series.name),
    facts([
      ['frequency', series.frequency],
      ['points', num(series.count)],
      ['from', series.start],
      ['to', series.end],
      ['mean', num(stats.mean)],
      ['standard deviation', num(stats.standardDeviation)],
      ['range', `${num(stats.min)} to ${num(stats.max)}`],
      ['gaps filled', series.filledGaps.length ? `${series.filledGaps.length} (${series.fillPolicy}): ${series.filledGaps.slice(0, 12).join(', ')}${series.filledGaps.length > 12 ? ', …' : ''}` : 'none'],
    ]),
    chart);
  timeChart(chart, {
    title: series.name,
    description: `${series.count} ${series.frequency} values from ${series.start} to ${series.end}`,
    dates: timestamps(series.start, series.frequency, series.count),
    lines: [{ label: series.name, values: series.values, colour: colours.actual }],
  });

  const diagnostics = section('diagnostics', 'Diagnostics');
  view.append(diagnostics);
  const [train, past] = await Promise.all([
    trainingForm({ defaultsPath: `/api/series/${id}/hyperparameters`, runsPath: `/api/series/${id}/training-runs`, signal }),
    runsAndModels('series', id, signal),
    showDiagnostics(diagnostics, id, signal),
  ]);
  view.append(train, past);
}

async function showDiagnostics(container, id, signal) {
  try {
    const d = await getJson(`/api/series/${id}/diagnostics`, { signal });
    container.append(
      h('h3', {}, 'In plain words'),
      h('ul', { class: 'interpretation' }, d.interpretation.map((line) => h('li', {}, line))),
      facts([
        d.adf && ['ADF (unit root)', `statistic ${num(d.adf.statistic)}, p-value ${num(d.adf.pValue)}`],
        d.kpss && ['KPSS (stationarity)', `statistic ${num(d.kpss.statistic)}, p-value ${num(d.kpss.pValue)}${d.kpss.pValueOutsideTable ? ' (outside the table)' : ''}`],
        ...d.ljungBox.map((l) => [`Ljung-Box, lag ${l.lag}`, `Q ${num(l.statistic)}, p-value ${num(l.pValue)}`]),
        ['seasonality', d.seasonality.isSeasonal ? `seasonal, period ${d.seasonality.period}` : 'no clear season'],
      ]));
    const bars = h('div', { class: 'pair' });
    container.append(bars);
    correlogram(bars, { title: 'Autocorrelation (ACF)', points: d.acf });
    if (d.pacf) {
      correlogram(bars, { title: 'Partial autocorrelation (PACF)', points: d.pacf });
    }
    container.append(h('p', { class: 'note' }, 'Bars beyond the dashed bounds differ from zero at the 5 % level.'));
  } catch (error) {
    if (!signal.aborted) {
      container.append(errorNote(error));
    }
  }
}
