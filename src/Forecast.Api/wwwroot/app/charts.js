import uPlot from '/lib/uplot/uPlot.esm.js';
import { h } from './dom.js';

// Colours that stay apart for the common forms of colour blindness (Okabe and Ito), and are told apart by
// dashes and labels as well.
export const colours = {
  actual: '#000000',
  model: '#0072b2',
  oneStep: '#009e73',
  naive: '#cc79a7',
  seasonalNaive: '#e69f00',
  drift: '#8c6d31',
  theta: '#56b4e9',
  validation: '#d55e00',
  bound: '#d55e00',
  band80: 'rgba(0, 114, 178, 0.30)',
  band95: 'rgba(0, 114, 178, 0.14)',
};

// The service writes a date (2024-01-31) for a daily or coarser series and a UTC date-time (2024-01-31T13:00:00Z) for
// an hourly or minute one; a date is its midnight in UTC.
const hasTime = (timestamp) => timestamp.length > 10;
const toSeconds = (timestamp) => Date.parse(hasTime(timestamp) ? timestamp : `${timestamp}T00:00:00Z`) / 1000;

// Shown in UTC, as the service answers: no time zone moves a month's first day into the previous month, and no
// daylight-saving change repeats or skips an hour of an hourly series.
const utc = (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC');

// Ticks of a sub-daily series in 24-hour UTC time, each midnight as its date (uPlot's own ticks are 12-hour).
const hourTicks = (u, splits) => splits.map((seconds) => {
  const iso = new Date(seconds * 1000).toISOString();
  return iso.slice(11, 16) === '00:00' ? iso.slice(0, 10) : iso.slice(11, 16);
});

/** A point's timestamp in the legend, at the series' resolution. */
const legendTime = (withTime) => (u, seconds) => {
  if (seconds === null) {
    return '–';
  }
  const iso = new Date(seconds * 1000).toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso.slice(0, 10);
};

// A compact chart sits under a larger one it goes with (a covariate under its series), a third of its height.
function sizeFor(box, compact) {
  const width = Math.max(260, Math.floor(box.clientWidth));
  return { width, height: compact ? 140 : width < 520 ? 220 : 300 };
}

/** A figure with a caption around a chart that follows its box's width. */
function figure(target, title, description, options, data, compact = false) {
  const box = h('div', { class: 'chart' });
  const element = h('figure', { class: 'chart-figure', 'aria-label': `${title}: ${description}` }, box, h('figcaption', {}, title));
  target.append(element);
  const plot = new uPlot({ ...options, ...sizeFor(box, compact) }, data, box);
  new ResizeObserver(() => {
    const size = sizeFor(box, compact);
    if (size.width !== plot.width) {
      plot.setSize(size);
    }
  }).observe(box);
  return { plot, element };
}

// Wide enough for the longest tick label: uPlot's fixed 50 px cut off values such as 25,000.
const axisSize = (u, values) => Math.max(40, ...(values ?? []).map((v) => String(v).length * 7.5 + 18));

const line = (label, stroke, { dash, width = 2, points = false } = {}) =>
  ({ label, stroke, width, dash, points: { show: points }, spanGaps: false });

/**
 * Marked periods (holidays in a forecast's horizon): a shaded band over each with its name as a label and a tooltip.
 * They are elements over the plot rather than strokes on its canvas, so that a pointer shows the name and a test
 * finds them; they are placed again at every redraw, since the plot's scale moves with its width.
 */
function marksPlugin(marks, step) {
  return {
    hooks: {
      draw: [(u) => {
        u.over.querySelectorAll('.chart-mark').forEach((element) => element.remove());
        for (const mark of marks) {
          const left = u.valToPos(mark.seconds - step / 2, 'x');
          const element = h('div', { class: 'chart-mark', title: `${mark.timestamp}: ${mark.label}`, 'data-timestamp': mark.timestamp },
            h('span', { class: 'chart-mark-label' }, mark.label));
          // Set through the style object: the page's Content-Security-Policy refuses style attributes.
          element.style.left = `${left}px`;
          element.style.width = `${Math.max(2, u.valToPos(mark.seconds + step / 2, 'x') - left)}px`;
          u.over.append(element);
        }
      }],
    },
  };
}

/**
 * Timed lines, and bands (an interval's upper and lower edges filled between) beneath them.
 * lines: [{label, values, colour, dash}]; bands: [{label, upper, lower, fill}]; compact: a small chart under another;
 * marks: [{timestamp, label}], periods shaded and named (a holiday).
 */
export function timeChart(target, { title, description, dates, lines, bands = [], points = false, compact = false, marks = [] }) {
  const withTime = dates.some(hasTime);
  const series = [{ label: 'time', value: legendTime(withTime) }];
  const data = [dates.map(toSeconds)];
  const bandOptions = [];
  for (const band of bands) {
    bandOptions.push({ series: [series.length, series.length + 1], fill: band.fill });
    series.push(line(`${band.label} upper`, band.fill, { width: 1 }), line(`${band.label} lower`, band.fill, { width: 1 }));
    data.push(band.upper, band.lower);
  }
  for (const l of lines) {
    series.push(line(l.label, l.colour, { dash: l.dash, points }));
    data.push(l.values);
  }
  const timeAxis = withTime ? { values: hourTicks } : {};
  const step = data[0].length > 1 ? data[0][1] - data[0][0] : 86400;
  const plugins = marks.length ? [marksPlugin(marks.map((m) => ({ ...m, seconds: toSeconds(m.timestamp) })), step)] : [];
  const described = marks.length ? `${description}; marked: ${marks.map((m) => `${m.timestamp} ${m.label}`).join(', ')}` : description;
  figure(target, title, described, { tzDate: utc, series, bands: bandOptions, plugins, scales: { x: { time: true } }, axes: [timeAxis, { size: axisSize }] }, data, compact);
}

/** Training and validation loss per epoch, on a log scale; update(points) redraws it as the run trains. */
export function lossChart(target) {
  const description = (epochs) => `Loss per epoch: training and validation loss (MSE on the scaled series) for ${epochs} epochs`;
  const { plot, element } = figure(target, 'Loss per epoch', 'training and validation loss (MSE on the scaled series) by epoch', {
    series: [
      { label: 'epoch' },
      line('training loss', colours.model),
      line('validation loss', colours.validation, { dash: [6, 3] }),
    ],
    scales: { x: { time: false }, y: { distr: 3 } },
    axes: [{ label: 'epoch' }, { label: 'loss (log scale)', size: axisSize }],
  }, [[], [], []]);
  return {
    update(points) {
      plot.setData([points.map((p) => p.epoch), points.map((p) => p.trainLoss), points.map((p) => p.validationLoss)]);
      element.setAttribute('aria-label', description(points.length));
    },
  };
}

/** ACF or PACF bars by lag, with the bounds outside which a coefficient is significant. */
export function correlogram(target, { title, points }) {
  const lagged = points.filter((p) => p.lag > 0);
  // The API's interval is centred on the coefficient; the band plot_acf draws around zero has its half-width.
  const bound = lagged.map((p) => p.upper - p.value);
  lagBars(target, title, `coefficients for lags 1 to ${lagged.length}, with significance bounds`, lagged, bound);
}

/**
 * A covariate's cross-correlations with the series by lag (the API's {count, bound, points}), negative lags included,
 * with the band ±bound outside which a lag's correlation is significant.
 */
export function crossCorrelogram(target, { title, correlogram }) {
  const { points, bound } = correlogram;
  const description = `cross-correlations for lags ${points[0].lag} to ${points[points.length - 1].lag} over ${correlogram.count} periods, with the band ±${bound.toFixed(3)}`;
  lagBars(target, title, description, points, points.map(() => bound));
}

/** Bars of {lag, value}, and a dashed band of half-width bound[i] around zero at each lag. */
function lagBars(target, title, description, points, bound) {
  figure(target, title, description, {
    series: [
      { label: 'lag' },
      { label: 'coefficient', stroke: colours.model, fill: colours.band80, paths: uPlot.paths.bars({ size: [0.6, 24] }), points: { show: false } },
      line('upper bound', colours.bound, { dash: [5, 4], width: 1 }),
      line('lower bound', colours.bound, { dash: [5, 4], width: 1 }),
    ],
    scales: { x: { time: false, range: (u, min, max) => [min - 0.5, max + 0.5] }, y: { range: [-1, 1] } },
    axes: [{ label: 'lag' }, { size: axisSize }],
  }, [points.map((p) => p.lag), points.map((p) => p.value), bound, bound.map((b) => -b)]);
}
