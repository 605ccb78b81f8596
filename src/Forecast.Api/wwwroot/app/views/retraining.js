import { getJson } from '../api.js';
import { errorNote, facts, h, link, section, table } from '../dom.js';
import { dateTime, num } from '../format.js';

/**
 * A series' or a collection's retraining policies (GET /api/{subject}/{id}/retraining): what each feeds and when it
 * runs next, and its history, newest first: every run it started with its outcome, every skip and pause and why.
 */
export async function retrainingPolicies(subject, id, signal) {
  const container = section('retraining', 'Retraining policies');
  try {
    const policies = await getJson(`/api/${subject}/${id}/retraining`, { signal });
    container.append(...(policies.length === 0
      ? [h('p', { id: 'retraining-none' }, `None: PUT /api/${subject}/${id}/retraining/{name} retrains on a schedule, after new observations or when accuracy slips.`)]
      : policies.map(policyView)));
  } catch (error) {
    if (!signal.aborted) {
      container.append(errorNote(error));
    }
  }
  return container;
}

function policyView(p) {
  const rule = p.policy;
  return h('article', { class: 'policy', 'data-policy': p.name },
    h('h3', {}, p.name),
    facts([
      ['status', p.status === 'paused' ? `paused: ${p.pausedReason}` : 'active'],
      ['feeds', `alias ${rule.alias}, ${rule.promote.onlyIfBetter ? 'only if better' : 'whatever it scores'} over ${rule.promote.backtestWindows} backtest windows`],
      ['trains', rule.hyperparameters?.method ?? (rule.hyperparameters ? 'lstm' : 'the champion’s method')],
      rule.cron && ['schedule', `${rule.cron} (${rule.timeZone ?? 'UTC'})`],
      ['next run', p.nextRunAt ? dateTime(p.nextRunAt) : '–'],
      rule.afterObservations && ['after observations', `${num(rule.afterObservations)} (${num(p.newObservations)} so far)`],
      rule.accuracy && ['accuracy', `MASE over the newest ${rule.accuracy.origins} origins ${num(rule.accuracy.margin * 100)} % worse than the test MASE`],
    ]),
    p.history.length === 0
      ? h('p', { class: 'note' }, 'Nothing yet.')
      : table(`History, newest first (${p.history.length})`, ['when', 'action', 'why', 'run', 'outcome'],
        p.history.map((e) => [dateTime(e.at), e.action, e.reason,
          e.runId ? link(`/runs/${e.runId}`, e.runStatus ?? 'open the run') : '–',
          e.promotionOutcome ?? e.error ?? '–'])));
}
