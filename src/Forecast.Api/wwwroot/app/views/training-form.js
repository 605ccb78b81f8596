import { getJson, postJson } from '../api.js';
import { errorNote, field, h, section } from '../dom.js';
import { num } from '../format.js';

// What each field means, in the words of the API's documentation; which are shown first.
const fields = [
  ['epochs', 'Epochs', 'passes over the training part; early stopping may end sooner', 'int', true],
  ['hiddenSize', 'Hidden size', 'LSTM units per layer', 'int', true],
  ['lookback', 'Lookback', 'past points the network sees per prediction', 'int', true],
  ['testSize', 'Test size', 'points held out at the end and forecast for the evaluation', 'int', true],
  ['transform', 'Transform', 'auto, or e.g. none, log, seasonalDifference, log+deseasonalize', 'text', true],
  ['seed', 'Seed', 'the same seed, series and settings train the same model', 'int', true],
  ['layers', 'Layers', 'stacked LSTM layers', 'int', false],
  ['dropout', 'Dropout', 'between stacked layers', 'number', false],
  ['learningRate', 'Learning rate', 'Adam’s step size', 'number', false],
  ['batchSize', 'Batch size', 'training windows per optimizer step', 'int', false],
  ['validationFraction', 'Validation fraction', 'share before the test tail kept for validation', 'number', false],
  ['earlyStoppingPatience', 'Early stopping patience', 'epochs without a better validation loss; 0 = off', 'int', false],
  ['seasonalPeriod', 'Seasonal period', 'lag of seasonal naive, the MASE scale and seasonal steps', 'int', false],
  ['seasonalPeriods', 'Seasonal periods', 'a series’ several seasons, ascending, separated by commas (24, 168 for a day and a week of hourly data): mstl decomposes each, the longest is the seasonal period', 'list', false],
  ['ensembleSize', 'Ensemble size', 'networks averaged', 'int', false],
  ['windowsPerEpoch', 'Windows per epoch', 'at most this many training windows per epoch', 'int', false],
];

const transforms = ['auto', 'none', 'log', 'difference', 'seasonalDifference', 'deseasonalize', 'log+seasonalDifference', 'log+deseasonalize'];

// Defaults the API leaves open, in words.
const openDefaults = { seed: 'drawn at random', batchSize: 'full batch', windowsPerEpoch: 'every window', seasonalPeriods: 'one season (mstl: a sub-daily series’ day and week)' };

// A collection's run takes one season for all its members, and the API refuses these fields there.
const seriesOnly = new Set(['seasonalPeriods']);

/**
 * A list field as typed ("24, 168") as the request's array: a part that is not a number is sent as written, so that
 * the API refuses it with its own words and the field's name, as it does any other bad value.
 */
function listOf(text) {
  return text.split(',').map((part) => part.trim()).map((part) => (part !== '' && Number.isFinite(Number(part)) ? Number(part) : part));
}

function valueOf(kind, text) {
  return kind === 'text' ? text : kind === 'list' ? listOf(text) : Number(text);
}

/**
 * The hyperparameters form: every field optional, its placeholder the API's default for this subject and its
 * limits the API's ranges. A field left empty is left out of the request, so the service chooses and says why.
 */
export async function trainingForm({ defaultsPath, runsPath, collection = false, signal }) {
  const container = section('train', 'Train a model');
  let form;
  const methods = await getJson('/api/methods', { signal });
  try {
    form = await getJson(defaultsPath, { signal });
  } catch (error) {
    // A series too short for the defaults (say, the default test tail) may still train with fields set by hand.
    container.append(errorNote(error));
    form = { defaults: {}, ranges: {}, choices: [] };
  }
  const result = h('div', { 'aria-live': 'polite' });
  const input = ([name, label, meaning, kind]) => {
    const range = form.ranges[name];
    const fallback = form.defaults[name];
    const shown = fallback === null || fallback === undefined ? openDefaults[name] : Array.isArray(fallback) ? fallback.join(', ') : String(fallback);
    const limits = range ? `, ${num(range.min)} to ${num(range.max)}` : '';
    const known = shown === undefined ? '' : ` Default ${shown}${limits}.`;
    const control = h('input', {
      name,
      id: `field-${name}`,
      type: kind === 'text' || kind === 'list' ? 'text' : 'number',
      inputmode: kind === 'int' ? 'numeric' : kind === 'number' ? 'decimal' : null,
      step: kind === 'int' ? 1 : kind === 'number' ? 'any' : null,
      min: range?.min,
      max: range?.max,
      list: kind === 'text' ? 'transforms' : null,
      placeholder: shown,
    });
    return field(label, control, `${meaning}.${known}`);
  };
  const method = h('select', { name: 'method', id: 'field-method' },
    methods.map((m) => h('option', { value: m.name, title: m.description }, m.name)));
  const element = h('form', { id: 'training-form', class: 'training' },
    field('Method', method, methods[0].description),
    h('p', {}, 'Leave a field empty for the service’s default, shown in it.'),
    h('div', { class: 'fields' }, fields.filter((f) => f[4]).map(input)),
    h('details', {}, h('summary', {}, 'More settings'), h('div', { class: 'fields' }, fields.filter((f) => !f[4]).map(input))),
    h('datalist', { id: 'transforms' }, transforms.map((t) => h('option', { value: t }))),
    form.choices.length ? h('div', { class: 'choices' }, h('h3', {}, 'What the defaults choose'), h('ul', {}, form.choices.map((c) => h('li', {}, c)))) : null,
    h('button', { type: 'submit' }, 'Start training'));
  // Only the fields the chosen method takes on this subject are shown and sent: any other would be refused.
  const chosen = () => methods.find((m) => m.name === method.value);
  const takes = ([name]) => chosen().fields.includes(name) && !(collection && seriesOnly.has(name));
  const showFieldsOf = () => {
    element.querySelector('#field-method-hint').textContent = chosen().description;
    for (const f of fields) {
      element.elements[f[0]].closest('.field').hidden = !takes(f);
    }
  };
  method.addEventListener('change', showFieldsOf);
  showFieldsOf();
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { method: method.value };
    for (const [name, , , kind] of fields.filter(takes)) {
      const value = element.elements[name].value.trim();
      if (value !== '') {
        body[name] = valueOf(kind, value);
      }
    }
    result.replaceChildren(h('p', {}, 'Queuing the run…'));
    try {
      const run = await postJson(runsPath, body, { signal });
      location.hash = `#/runs/${run.id}`;
    } catch (error) {
      result.replaceChildren(errorNote(error));
    }
  });
  container.append(element, result);
  return container;
}
