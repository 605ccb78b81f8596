import { postForm, postJson } from '../api.js';
import { errorNote, field, h, section } from '../dom.js';
import { counted, listed } from '../format.js';
import { gapReport } from './upload.js';

/**
 * New observations for a series: values typed to continue it after its end, or a CSV file of date,value rows (and the
 * series' covariates, as on upload), which may also repeat stored periods (no change) or, with revise, replace them.
 * onAppended is called once the service stored one.
 */
export function appendForm({ series, signal, onAppended }) {
  const path = `/api/series/${series.id}/observations`;
  const result = h('div', { id: 'append-result', 'aria-live': 'polite' });
  const values = h('input', { id: 'append-values', name: 'values', type: 'text', class: 'wide', inputmode: 'decimal', autocomplete: 'off', required: true });
  const file = h('input', { id: 'append-file', name: 'file', type: 'file', accept: '.csv,.tsv,.txt,text/csv', required: true });
  const revise = h('input', { id: 'append-revise', name: 'revise', type: 'checkbox' });
  const typed = h('form', { id: 'append-values-form', class: 'inline' },
    field('New values', values, 'oldest first, separated by commas or spaces; they continue after the series’ end'),
    h('button', { type: 'submit' }, 'Append values'));
  const columns = ['date', 'value', ...series.covariates.map((c) => c.name)].join(',');
  const covariateHint = series.covariates.length
    ? '; each covariate for every new period its known future does not reach, and rows without a value after the last extend its known future'
    : '';
  const uploaded = h('form', { id: 'append-file-form', class: 'inline' },
    field(`Or a CSV file (${columns})`, file, `dates on the series’ grid; a stored period given its stored value is left as it is${covariateHint}`),
    h('label', { class: 'choice' }, revise, ' Replace stored values that differ (revise)'),
    h('button', { type: 'submit' }, 'Append the file'));

  // A refusal changes nothing, so it can be corrected and sent again; an append that was stored is never sent twice.
  const send = async (post) => {
    result.replaceChildren(h('p', {}, 'Appending…'));
    let appended;
    try {
      appended = await post();
    } catch (error) {
      result.replaceChildren(errorNote(error));
      return false;
    }
    result.replaceChildren(report(appended, series.fillPolicy));
    onAppended();
    return true;
  };

  typed.addEventListener('submit', async (event) => {
    event.preventDefault();
    const words = values.value.split(/[\s,;]+/).filter(Boolean);
    const wrong = words.find((word) => !Number.isFinite(Number(word)));
    if (wrong !== undefined) {
      result.replaceChildren(errorNote(new Error(`‘${wrong}’ is not a finite number.`)));
    } else if (await send(() => postJson(path, { values: words.map(Number) }, { signal }))) {
      values.value = '';
    }
  });
  uploaded.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData();
    data.set('file', file.files[0], file.files[0].name);
    if (await send(() => postForm(`${path}${revise.checked ? '?revise=true' : ''}`, data, { signal }))) {
      uploaded.reset();
    }
  });
  return section('append', 'Add observations',
    h('p', { class: 'note' }, 'Forecasts then start after the newest observation, from the models already trained; nothing is retrained.'),
    typed, uploaded, result);
}

/** What an append did, in the service's words and numbers. */
function report(appended, policy) {
  const changes = [
    appended.unchanged > 0 && `${counted(appended.unchanged, 'observation')} repeated a stored value and changed nothing.`,
    appended.supplied.length > 0 && `Observed where a value had been filled in: ${listed(appended.supplied)}.`,
    appended.revised.length > 0 && `Revised: ${listed(appended.revised)}.`,
  ];
  return h('div', { class: 'report', role: 'status' },
    h('p', {}, `Appended ${counted(appended.appended, 'point')} after the old end: the series now has ${counted(appended.count, 'point')} to ${appended.end}, version ${appended.version}.`),
    changes.map((change) => change && h('p', {}, change)),
    gapReport(appended.filledGaps, policy));
}
