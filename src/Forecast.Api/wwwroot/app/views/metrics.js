import { table } from '../dom.js';
import { num } from '../format.js';

/** Accuracy on the test tail, one row per forecast: [name, metrics]. */
export function metricsTable(caption, rows, id) {
  return table(caption, ['forecast', 'MAE', 'RMSE', 'sMAPE %', 'MAPE %', 'MASE'],
    rows.map(([name, m]) => [name, num(m.mae), num(m.rmse), num(m.smape), num(m.mape), num(m.mase)]), { id });
}
