import { getJson } from '../api.js';
import { colours, correlogram, crossCorrelogram, timeChart } from '../charts.js';
import { errorNote, facts, h, link, replace, section } from '../dom.js';
import { calendarText, listed, num, timestamps } from '../format.js';
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

/** The series' facts, its chart and its covariates' under it, in a container already on the page (the charts take its width). */
function showSummary(container, series) {
  const stats = series.statistics;
  const chart = section('values', 'The series');
  const covariates = series.covariates.length
    ? section('covariates', 'Covariates', h('p', { class: 'note' }, 'Each covariate under the series; dashed where it is known past the series’ last value (its known future, which a forecast uses).'))
    : null;
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
      series.covariates.length && ['covariates', series.covariates.map((c) => `${c.name} (to ${c.knownUntil}, ${c.futurePeriods} past the end)`).join(', ')],
      series.calendar && ['calendar', calendarText(series.calendar)],
    ]),
    chart,
    covariates);
  timeChart(chart, {
    title: series.name,
    description: `${series.count} ${series.frequency} values from ${series.start} to ${series.end}`,
    dates: timestamps(series.start, series.frequency, series.count),
    lines: [{ label: series.name, values: series.values, colour: colours.actual }],
  });
  for (const covariate of series.covariates) {
    covariateChart(covariates, series, covariate);
  }
}

/** A small chart of one covariate: solid over the series' history, dashed over its known future. */
function covariateChart(target, series, { name, values, knownUntil, futurePeriods }) {
  const history = values.map((v, i) => (i < series.count ? v : null));
  // The known future starts at the series' last value, so that its dashes continue the solid line.
  const future = values.map((v, i) => (i >= series.count - 1 ? v : null));
  timeChart(target, {
    title: name,
    description: `${values.length} values from ${series.start} to ${knownUntil}, ${futurePeriods ? `the last ${futurePeriods} its known future past the series’ end` : 'none past the series’ end'}`,
    dates: timestamps(series.start, series.frequency, values.length),
    lines: [
      { label: name, values: history, colour: colours.model },
      futurePeriods ? { label: `${name}, known future`, values: future, colour: colours.validation, dash: [6, 3] } : null,
    ].filter(Boolean),
    compact: true,
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
    if (d.crossCorrelations.length) {
      container.append(crossCorrelations(d.crossCorrelations));
    }
  } catch (error) {
    if (!signal.aborted) {
      replace(container, errorNote(error));
    }
  }
}

/** Each covariate's cross-correlations with the series, of the levels and of the changes, side by side. */
function crossCorrelations(correlations) {
  const container = h('div', { id: 'cross-correlations' },
    h('h3', {}, 'Cross-correlations with the covariates'),
    h('p', { class: 'note' },
      'The bar at lag k correlates the covariate k periods later with the series (as R’s ccf): at a negative lag the covariate leads. ',
      'Two trending series correlate at every lag whatever their relation, so their changes (first differences) say more.'));
  for (const c of correlations) {
    const pair = h('div', { class: 'pair' });
    container.append(pair);
    for (const [what, correlogram] of [['values', c.levels], ['changes', c.differences]]) {
      if (correlogram) {
        crossCorrelogram(pair, { title: `${c.covariate} and the series: ${what}`, correlogram });
      }
    }
  }
  return container;
}
