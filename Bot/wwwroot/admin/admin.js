// What both admin pages share: the period in the address (?from=&to=), reading the admin API with the session
// cookie, and writing text into the page safely (everything shown was typed by strangers).
'use strict';

window.admin = (() => {
  const params = new URLSearchParams(location.search);
  const period = { from: params.get('from') ?? '', to: params.get('to') ?? '' };

  function query() {
    const q = new URLSearchParams();
    if (period.from) q.set('from', period.from);
    if (period.to) q.set('to', period.to);
    const text = q.toString();
    return text ? `?${text}` : '';
  }

  async function get(path) {
    const response = await fetch(`/admin/api/${path}${query()}`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (response.status === 401) { location.href = location.pathname; throw new Error('signed out'); }
    if (!response.ok) throw new Error((await response.json().catch(() => ({}))).error ?? `the server answered ${response.status}`);
    return response.json();
  }

  /** An element with text content only (never HTML), attributes and children. */
  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    for (const child of children.flat()) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? '')));
    return node;
  }

  function table(node, header, rows) {
    node.replaceChildren(el('thead', {}, el('tr', {}, header.map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows.length ? rows.map(r => el('tr', {}, r.map(c => el('td', {}, c)))) : el('tr', {}, el('td', { colspan: header.length, class: 'empty' }, 'None in this period.'))));
  }

  function start(load) {
    const form = document.getElementById('period');
    form.from.value = period.from;
    form.to.value = period.to;
    form.addEventListener('submit', event => {
      event.preventDefault();
      const q = new URLSearchParams();
      if (form.from.value) q.set('from', form.from.value);
      if (form.to.value) q.set('to', form.to.value);
      location.search = q.toString();
    });
    for (const link of document.querySelectorAll('a.csv'))
      link.href = `/admin/api/insights/${link.dataset.table}.csv${query()}`;
    const main = document.querySelector('main');
    const status = document.getElementById('status');
    load().then(() => {
      main.dataset.state = 'ready';
      status.textContent = '';
    }, problem => {
      main.dataset.state = 'failed';
      status.textContent = `Could not load: ${problem.message}`;
    });
  }

  return { get, el, table, start, period };
})();
