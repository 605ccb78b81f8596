import { getJson } from '../api.js';
import { colours, timeChart } from '../charts.js';
import { errorNote, field, h, section, table } from '../dom.js';
import { num, timestamps } from '../format.js';
import { forecastCsv, saveFile } from '../download.js';

const levels = [80, 95];

/**
 * The forecast after the end of a series, with its 80 % and 95 % bands beside the recent history, a horizon to
 * choose and a CSV download. member names the member of a collection's model.
 */
export function forecastPanel({ modelId, series, member, defaultHorizon, signal }) {
  const container = section('forecast', 'Forecast');
  const horizon = h('input', { id: 'horizon', name: 'horizon', type: 'number', min: 1, step: 1, value: String(defaultHorizon), required: true });
  const output = h('div', { id: 'forecast-output' });
  const download = h('button', { type: 'button', id: 'download-forecast', disabled: true }, 'Download CSV');
  const form = h('form', { class: 'inline' }, field('Horizon (periods)', horizon), h('button', { type: 'submit' }, 'Forecast'), download);
  container.append(form, output);
  let current = null;

  const show = async () => {
    const query = new URLSearchParams({ horizon: horizon.value });
    levels.forEach((l) => query.append('level', l));
    if (member) {
      query.set('series', member);
    }
    try {
      current = await getJson(`/api/models/${modelId}/forecast?${query}`, { signal });
    } catch (error) {
      download.disabled = true;
      output.replaceChildren(errorNote(error));
      return;
    }
    download.disabled = false;
    const points = current.points;
    const { marks, markError } = await calendarMarks(series, points);
    const historyLength = Math.min(series.count, Math.max(3 * points.length, 36));
    const historyDates = timestamps(series.start, series.frequency, series.count).slice(-historyLength);
    const history = series.values.slice(-historyLength);
    const dates = [...historyDates, ...points.map((p) => p.timestamp)];
    const pad = (values) => [...new Array(historyLength).fill(null), ...values];
    // The forecast line starts at the last observation, so that the eye follows it on from the history.
    const forecastLine = [...new Array(historyLength - 1).fill(null), history[history.length - 1], ...points.map((p) => p.value)];
    const band = (level, side) => pad(points.map((p) => p.intervals.find((i) => i.level === level)[side]));
    // The origin moves on with every append, from the same model: the line says which data the forecast saw.
    output.replaceChildren(h('p', { id: 'forecast-origin', class: 'note' },
      `From ${current.origin}, after the newest observation, seeing version ${current.seriesVersion} of the ${member ? 'member' : 'series'}.`));
    timeChart(output, {
      title: `Forecast of the next ${points.length} periods`,
      description: 'history, forecast, and its 80 % and 95 % prediction intervals',
      dates,
      lines: [
        { label: 'history', values: [...history, ...new Array(points.length).fill(null)], colour: colours.actual },
        { label: 'forecast', values: forecastLine, colour: colours.model, dash: [6, 3] },
      ],
      bands: [
        { label: '95 %', upper: band(95, 'upper'), lower: band(95, 'lower'), fill: colours.band95 },
        { label: '80 %', upper: band(80, 'upper'), lower: band(80, 'lower'), fill: colours.band80 },
      ],
      marks: marks.map((m) => ({ timestamp: m.timestamp, label: m.name })),
    });
    if (markError) {
      output.append(errorNote(markError));
    }
    output.append(h('details', {}, h('summary', {}, 'The forecast as a table'),
      table('Forecast with prediction intervals', ['date', 'forecast', '80 % lower', '80 % upper', '95 % lower', '95 % upper'],
        points.map((p) => [p.timestamp, num(p.value),
          ...p.intervals.flatMap((i) => [num(i.lower), num(i.upper)])]), { id: 'forecast-table' })));
  };

  // The holidays and events the series' calendar marks in the horizon, named on the chart. A refusal is shown beside
  // the forecast, which stands without them.
  const calendarMarks = async (on, points) => {
    const calendar = on.calendar;
    if (!calendar || (!calendar.holidays && calendar.events.length === 0)) {
      return { marks: [] };
    }
    const query = new URLSearchParams({ from: points[0].timestamp, to: points[points.length - 1].timestamp });
    try {
      return { marks: (await getJson(`/api/series/${on.id}/calendar/marks?${query}`, { signal })).marks };
    } catch (error) {
      return { marks: [], markError: error };
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    show();
  });
  download.addEventListener('click', () => {
    const name = `forecast-${member ?? modelId}-${current.horizon}.csv`;
    saveFile(name, new Blob([forecastCsv(current.points, levels)], { type: 'text/csv' }));
  });
  return { container, ready: show() };
}
