import { followEvents, getJson, postJson } from '../api.js';
import { lossChart } from '../charts.js';
import { errorNote, h, link, replace, section, table } from '../dom.js';
import { epochs, num, seconds } from '../format.js';

const open = (status) => status === 'queued' || status === 'running';

export async function renderRun(view, { params: [id], signal }) {
  let run = await getJson(`/api/training-runs/${id}`, { signal });
  const [curve, methods] = await Promise.all([
    getJson(`/api/training-runs/${id}/loss-curve`, { signal }),
    getJson('/api/methods', { signal }),
  ]);
  // A method that takes epochs trains them; any other is fitted, once for a series and member by member for a collection.
  const trains = methods.find((m) => m.name === run.hyperparameters.method)?.fields.includes('epochs') ?? true;
  const unit = trains ? 'Epoch' : run.collectionId ? 'Members fitted:' : 'Fitted:';

  const status = h('p', { id: 'run-status', class: 'status', 'aria-live': 'polite' });
  const bar = h('progress', { id: 'run-progress', max: 100, value: 0, 'aria-label': 'training progress' });
  const progressText = h('p', { id: 'run-progress-text', 'aria-live': 'off' });
  const cancel = h('button', { type: 'button', id: 'cancel-run' }, 'Cancel the run');
  const outcome = h('div', { id: 'run-outcome', 'aria-live': 'polite' });
  const lossSection = section('loss', 'Loss curve');
  const subject = run.seriesId ? link(`/series/${run.seriesId}`, 'the series') : link(`/collections/${run.collectionId}`, 'the collection');
  view.append(
    h('p', { class: 'crumbs' }, link('/', 'All series'), ' · trained on ', subject),
    h('h1', {}, 'Training run'),
    status, bar, progressText, cancel, outcome, lossSection,
    section('settings', 'Settings',
      h('h3', {}, 'What the service chose'),
      run.choices.length ? h('ul', {}, run.choices.map((c) => h('li', {}, c))) : h('p', {}, 'Nothing: every field was given.'),
      table('Hyperparameters', ['name', 'value'], Object.entries(run.hyperparameters).map(([k, v]) => [k, v === null ? '–' : String(v)]))));
  const chart = lossChart(lossSection);
  const points = [...curve];
  chart.update(points);

  const show = () => {
    const p = run.progress;
    status.textContent = `Status: ${run.status}${run.cancelRequested && open(run.status) ? ' (cancelling)' : ''}`
      + (p.queuePosition ? ` · position ${p.queuePosition} in the queue` : '');
    bar.value = p.percent;
    progressText.textContent = `${unit} ${p.epoch} of ${p.totalEpochs} (${num(p.percent)} %)`
      + (p.etaSeconds !== null && p.etaSeconds !== undefined && open(run.status) ? ` · about ${seconds(p.etaSeconds)} left` : '')
      + (p.trainLoss !== null && p.trainLoss !== undefined ? ` · training loss ${num(p.trainLoss)}, validation loss ${num(p.validationLoss)}` : '');
    cancel.disabled = !open(run.status) || run.cancelRequested;
    replace(outcome,
      run.modelId ? h('p', {}, 'Trained. ', link(`/models/${run.modelId}`, 'Open the model'),
        run.outcome ? ` · ${epochs(run.outcome)}` : '') : null,
      run.error ? h('p', { class: 'error' }, run.error) : null);
  };
  show();

  cancel.addEventListener('click', async () => {
    try {
      run = await postJson(`/api/training-runs/${id}/cancel`, undefined, { signal });
      show();
    } catch (error) {
      outcome.replaceChildren(errorNote(error));
    }
  });

  if (open(run.status)) {
    follow(id, points, signal, {
      onEpoch(event) {
        run.status = 'running';
        run.progress = { ...run.progress, epoch: event.epoch, totalEpochs: event.totalEpochs, percent: event.percent, etaSeconds: event.etaSeconds,
          trainLoss: event.trainLoss, validationLoss: event.validationLoss, queuePosition: null };
        chart.update(points);
        show();
      },
      // Never rejects: the stream calls it without waiting, and a read cut short by leaving the page is no error.
      async onChange() {
        try {
          run = await getJson(`/api/training-runs/${id}`, { signal });
        } catch (error) {
          if (!signal.aborted) {
            outcome.replaceChildren(errorNote(error));
          }
          return run;
        }
        chart.update(points);
        show();
        return run;
      },
    });
  }
}

/**
 * Follows the run's events; where the stream cannot be had (or breaks off before the run finished), polls
 * the run and its loss curve every second instead.
 */
async function follow(id, points, signal, { onEpoch, onChange }) {
  try {
    let finished = false;
    await followEvents(`/api/training-runs/${id}/events`, {
      lastEventId: points.length ? points[points.length - 1].epoch : null,
      signal,
      onEvent(event) {
        if (event.type === 'epoch' && !points.some((p) => p.epoch === event.data.epoch)) {
          points.push({ epoch: event.data.epoch, trainLoss: event.data.trainLoss, validationLoss: event.data.validationLoss });
          onEpoch(event.data);
        } else if (event.type === 'status' || event.type === 'finished') {
          finished ||= event.type === 'finished';
          onChange();
        }
      },
    });
    if (finished) {
      return;
    }
  } catch {
    if (signal.aborted) {
      return;
    }
  }
  await poll(id, points, signal, onChange);
}

async function poll(id, points, signal, onChange) {
  while (!signal.aborted) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    try {
      const curve = await getJson(`/api/training-runs/${id}/loss-curve`, { signal });
      points.splice(0, points.length, ...curve);
      if (!open((await onChange()).status)) {
        return;
      }
    } catch {
      if (signal.aborted) {
        return;
      }
    }
  }
}
