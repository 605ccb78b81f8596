import { postJson } from '../api.js';
import { errorNote, facts, field, h, replace, table } from '../dom.js';
import { num, percent, timestamps } from '../format.js';

/** A series' model backtested: each window's MASE beside seasonal naive's, drift's and Theta's, and per horizon step. */
export function showSeriesBacktest(container, { model, series, signal }) {
  const dates = timestamps(series.start, series.frequency, series.count);
  backtestForm(container, { modelId: model.id, stored: model.backtest, testSize: model.testSize, signal }, (b) => {
    const levels = b.windows[0].coverage.map((c) => c.level);
    return [
      summary(b, `${num(b.meanMase)} (seasonal naive ${num(b.meanSeasonalNaiveMase)}, Theta ${num(b.meanThetaMase)})`),
      table('MASE per window beside the baselines', ['origin', 'LSTM MASE', 'seasonal naive MASE', 'drift MASE', 'Theta MASE', 'LSTM sMAPE %',
        ...levels.map((l) => `inside the ${num(l)} % interval`)],
      b.windows.map((w) => [dates[w.origin], num(w.model.mase), num(w.seasonalNaive.mase), num(w.drift.mase), num(w.theta.mase), num(w.model.smape),
        ...w.coverage.map((c) => percent(c.coverage))]), { id: 'backtest-windows' }),
      h('details', {}, h('summary', {}, 'MASE per horizon step'),
        table('Per horizon step, the mean over the windows of each error in MASE units', ['step', 'LSTM', 'seasonal naive', 'drift', 'Theta'],
          b.steps.map((s) => [num(s.step), num(s.mase), num(s.seasonalNaiveMase), num(s.driftMase), num(s.thetaMase)]), { id: 'backtest-steps' })),
    ];
  });
}

/** A collection's global model backtested: per window, the mean MASE over the members beside the competition baselines'. */
export function showCollectionBacktest(container, { model, signal }) {
  backtestForm(container, { modelId: model.id, stored: model.backtest, testSize: model.hyperparameters.testSize, signal }, (b) => [
    summary(b, `${num(b.meanMase)} (seasonal naive ${num(b.meanSeasonalNaiveMase)}, Theta ${num(b.meanThetaMase)}); mean sMAPE ${num(b.meanSmape)} %`),
    table('Mean MASE over the members per window, beside the baselines',
      ['periods before each member’s test tail', 'global LSTM', 'naive', 'seasonal naive', 'Naive2', 'Theta', 'global LSTM sMAPE %', 'members forecast by Theta'],
      b.windows.map((w) => {
        const a = w.accuracy;
        return [num(w.periodsBeforeTestTail), num(a.model.mase), num(a.naive.mase), num(a.seasonalNaive.mase), num(a.naive2.mase), num(a.theta.mase),
          num(a.model.smape), num(w.fallbacks.length)];
      }), { id: 'backtest-windows' }),
    h('details', {}, h('summary', {}, 'MASE per horizon step'),
      table('Per horizon step, the mean over the windows of the members’ mean error in MASE units', ['step', 'global LSTM', 'naive', 'seasonal naive', 'Theta'],
        b.steps.map((s) => [num(s.step), num(s.mase), num(s.naiveMase), num(s.seasonalNaiveMase), num(s.thetaMase)]), { id: 'backtest-steps' })),
  ]);
}

function summary(backtest, meanMase) {
  return facts([
    ['windows', `${backtest.windows.length}, ${backtest.step} periods apart, the last at the test tail`],
    ['forecast by', backtest.refit ? 'a model per window, trained on the points before its origin only' : 'this model from every origin, not refitted'],
    ['mean MASE over the windows', meanMase],
  ]);
}

/**
 * The form that asks for a backtest without refitting (POST /api/models/{id}/backtests), and the latest one, stored with the
 * model, which the next one replaces; render draws one.
 */
function backtestForm(container, { modelId, stored, testSize, signal }, render) {
  const windows = h('input', { id: 'backtest-windows-count', name: 'windows', type: 'number', min: 1, max: 20, step: 1, value: '3', required: true });
  const step = h('input', { id: 'backtest-step', name: 'step', type: 'number', min: 1, step: 1, placeholder: String(testSize) });
  const output = h('div', { id: 'backtest-output', 'aria-live': 'polite' });
  const form = h('form', { class: 'inline' },
    field('Windows', windows), field('Step (periods)', step, 'between origins; empty for the test size'), h('button', { type: 'submit' }, 'Run the backtest'));
  let current = stored;
  const show = (...notes) => replace(output, notes, current ? render(current) : h('p', {}, 'None yet: the model has not been backtested.'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    show(h('p', {}, 'Backtesting…'));
    try {
      current = await postJson(`/api/models/${modelId}/backtests`, { windows: Number(windows.value), ...(step.value ? { step: Number(step.value) } : {}) }, { signal });
      show();
    } catch (error) {
      show(errorNote(error));
    }
  });
  container.append(
    h('p', { class: 'note' }, `Forecasts of the test size (${testSize} periods) from origins a step apart, the last at the test tail’s, each scored as the test tail is. `
      + 'Without refitting, earlier windows fall on points the model was trained on: this measures its stability, not fresh accuracy.'),
    form, output);
  show();
}
