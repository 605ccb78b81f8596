import { getJson } from '../api.js';
import { errorNote, h, replace } from '../dom.js';

const pageSize = 20;

/** A list read a page at a time, with buttons for the pages before and after; answers a function that shows page n again. */
export async function pagedList(container, path, signal, empty, render) {
  const body = h('div', {});
  container.append(body);
  const show = async (number) => {
    try {
      const separator = path.includes('?') ? '&' : '?';
      const page = await getJson(`${path}${separator}page=${number}&pageSize=${pageSize}`, { signal });
      const pages = Math.max(1, Math.ceil(page.total / pageSize));
      replace(body,
        page.total === 0 ? h('p', {}, empty) : render(page),
        pages > 1 ? h('nav', { class: 'pager', 'aria-label': 'pages' },
          h('button', { type: 'button', disabled: number <= 1, onclick: () => show(number - 1) }, 'Previous page'),
          h('span', {}, `page ${number} of ${pages}`),
          h('button', { type: 'button', disabled: number >= pages, onclick: () => show(number + 1) }, 'Next page')) : null);
    } catch (error) {
      if (!signal.aborted) {
        body.replaceChildren(errorNote(error));
      }
    }
  };
  await show(1);
  return show;
}
