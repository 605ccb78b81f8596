import { getJson } from '../api.js';
import { h, link, section } from '../dom.js';
import { dateTime } from '../format.js';
import { runsOf } from '../recent.js';

/** The runs this tab started on a series or collection, each with its status and, once trained, its model. */
export function recentRuns(subjectId, signal) {
  const runs = runsOf(subjectId);
  const container = section('recent-runs', 'Runs started from this tab');
  if (runs.length === 0) {
    container.append(h('p', {}, 'None yet: start one with the form above.'));
    return container;
  }
  const list = h('ul', {});
  container.append(list);
  for (const remembered of runs) {
    const item = h('li', {}, link(`/runs/${remembered.id}`, `Run of ${dateTime(remembered.createdAt)}`));
    list.append(item);
    getJson(`/api/training-runs/${remembered.id}`, { signal }).then((run) => {
      item.append(`: ${run.status}`);
      if (run.modelId) {
        item.append(' · ', link(`/models/${run.modelId}`, 'its model'));
      }
    }, () => item.append(': no longer there'));
  }
  return container;
}
