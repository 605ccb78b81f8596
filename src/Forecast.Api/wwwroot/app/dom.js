// Elements are built with text nodes and properties, never from HTML strings: a series' name or a member's key
// is shown as written and can never run as script.

/** An element with attributes (on* names add listeners) and children (strings become text). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'value' || name === 'checked') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  element.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/** A link inside the page. */
export function link(path, text) {
  return h('a', { href: `#${path}` }, text);
}

/** A table with a caption; rows are arrays of cells (strings or elements). Wide tables scroll inside their box. */
export function table(caption, headings, rows, { id } = {}) {
  return h('div', { class: 'table-wrap' },
    h('table', { id },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headings.map((heading) => h('th', { scope: 'col' }, heading)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell))))))));
}

/** A definition list of facts: [term, description] pairs. */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(Boolean).map(([term, description]) => [h('dt', {}, term), h('dd', {}, description)]));
}

/** An error shown where it happened, announced to screen readers. */
export function errorNote(error) {
  return h('p', { class: 'error', role: 'alert' }, error.message);
}

/** A section with its heading; the heading names the section for assistive technology. */
export function section(id, title, ...children) {
  return h('section', { id, 'aria-labelledby': `${id}-heading` }, h('h2', { id: `${id}-heading` }, title), ...children);
}

/** A labelled control, with an optional hint that describes it. */
export function field(label, control, hint) {
  const hintId = hint ? `${control.id}-hint` : null;
  if (hintId) {
    control.setAttribute('aria-describedby', hintId);
  }
  return h('div', { class: 'field' },
    h('label', { for: control.id }, label),
    control,
    hint ? h('span', { class: 'hint', id: hintId }, hint) : null);
}

/** Replaces an element's children; null and false stand for nothing, as in h(). */
export function replace(element, ...children) {
  element.replaceChildren(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
}
