import { table } from '../dom.js';
import { num } from '../format.js';

/**
 * Accuracy on the test tail, one row per forecast: [name, metrics]. With a reference (seasonal naive's metrics) a
 * skill column says how much of its error each forecast removes, 1 - MAE / MAE(reference), as the API's
 * skillVsSeasonalNaive does for the model: above 0 is better than the reference.
 */
export function metricsTable(caption, rows, id, reference) {
  const skill = (m) => (reference && reference.mae > 0 ? [num(1 - m.mae / reference.mae)] : []);
  return table(caption, ['forecast', 'MAE', 'RMSE', 'sMAPE %', 'MAPE %', 'MASE', ...(reference ? ['skill'] : [])],
    rows.map(([name, m]) => [name, num(m.mae), num(m.rmse), num(m.smape), num(m.mape), num(m.mase), ...skill(m)]), { id });
}
