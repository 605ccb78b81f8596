import { postForm } from '../api.js';
import { errorNote, field, h, link } from '../dom.js';
import { counted, listed, num } from '../format.js';

/**
 * Upload by file picker or drag and drop: a series (date,value) or a collection (series,date,value). onUploaded is
 * told which ('series' or 'collection') once the service has stored one.
 */
export function uploadForm(onUploaded) {
  const result = h('div', { id: 'upload-result', 'aria-live': 'polite' });
  const choice = (value, text, checked) => h('label', { class: 'choice' },
    h('input', { type: 'radio', name: 'kind', value, checked }), text);
  const file = h('input', { id: 'upload-file', name: 'file', type: 'file', accept: '.csv,.tsv,.txt,text/csv', required: true });
  const form = h('form', { id: 'upload-form', class: 'upload' },
    h('fieldset', {},
      h('legend', {}, 'What the file holds'),
      choice('series', 'One series: a timestamp column and a value column', true),
      choice('collection', 'A collection: a long CSV of series,date,value', false)),
    h('div', { class: 'fields' },
      field('Name (optional)', h('input', { id: 'upload-name', name: 'name', type: 'text', maxlength: 200, placeholder: 'the file’s name' })),
      field('Frequency', h('select', { id: 'upload-frequency', name: 'frequency' },
        h('option', { value: '' }, 'inferred from the timestamps'),
        [['minutes1', 'every minute'], ['minutes5', 'every 5 minutes'], ['minutes10', 'every 10 minutes'], ['minutes15', 'every 15 minutes'],
          ['minutes30', 'every 30 minutes'], ['hourly', 'hourly'], ['daily', 'daily'], ['weekly', 'weekly'], ['monthly', 'monthly'],
          ['quarterly', 'quarterly'], ['yearly', 'yearly']].map(([value, label]) => h('option', { value }, label)))),
      field('Missing periods', h('select', { id: 'upload-fill', name: 'fillPolicy' },
        h('option', { value: 'interpolate' }, 'interpolate (linear)'),
        h('option', { value: 'forwardFill' }, 'carry the last value forward'),
        h('option', { value: 'refuse' }, 'refuse the file')))),
    h('div', { class: 'drop-zone', id: 'drop-zone' },
      h('label', { for: 'upload-file' }, 'Drop a CSV file here, or choose one: '),
      file),
    h('button', { type: 'submit' }, 'Upload'));

  const upload = async (chosen) => {
    const data = new FormData(form);
    data.set('file', chosen, chosen.name);
    const kind = data.get('kind');
    const target = kind === 'collection' ? '/api/collections' : '/api/series';
    data.delete('kind');
    for (const [name, value] of [...data.entries()]) {
      if (value === '') {
        data.delete(name);
      }
    }
    result.replaceChildren(h('p', {}, `Uploading ${chosen.name}…`));
    try {
      const created = await postForm(target, data);
      result.replaceChildren(kind === 'collection' ? collectionReport(created) : seriesReport(created));
      onUploaded(kind);
    } catch (error) {
      result.replaceChildren(errorNote(error));
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (file.files.length > 0) {
      upload(file.files[0]);
    }
  });
  const zone = form.querySelector('#drop-zone');
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    if (event.dataTransfer.files.length > 0) {
      upload(event.dataTransfer.files[0]);
    }
  });
  return h('section', { id: 'upload', 'aria-labelledby': 'upload-heading' }, h('h2', { id: 'upload-heading' }, 'Upload'), form, result);
}

/** The periods an upload or an append filled, and by which policy. */
export function gapReport(gaps, policy) {
  return h('p', { class: 'gaps' }, gaps.length === 0 ? 'No missing periods.' : `${counted(gaps.length, 'missing period')} filled (${policy}): ${listed(gaps)}.`);
}

function seriesReport(series) {
  return h('div', { class: 'report', role: 'status' },
    h('p', {}, `Uploaded “${series.name}”: ${num(series.count)} ${series.frequency} points from ${series.start} to ${series.end}. `,
      link(`/series/${series.id}`, 'Open the series')),
    gapReport(series.filledGaps, series.fillPolicy));
}

function collectionReport(collection) {
  const withGaps = collection.gaps;
  return h('div', { class: 'report', role: 'status' },
    h('p', {}, `Uploaded “${collection.name}”: ${num(collection.memberCount)} ${collection.frequency} members, ${num(collection.totalPoints)} points from ${collection.start} to ${collection.end}. `,
      link(`/collections/${collection.id}`, 'Open the collection')),
    withGaps.length === 0
      ? h('p', { class: 'gaps' }, 'No missing periods in any member.')
      : h('ul', { class: 'gaps' }, withGaps.slice(0, 20).map((m) => h('li', {}, `${m.key}: ${m.filledGaps.length} filled (${collection.fillPolicy}): ${listed(m.filledGaps, 6)}`)),
        withGaps.length > 20 ? h('li', {}, `and ${withGaps.length - 20} more members`) : null));
}
