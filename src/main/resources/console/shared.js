// The domain's shared contacts through the GData feed (alt=json to read, Atom to write).
import { call, session, h, field, attempt, pager, table, flash } from './api.js';

const GDATA = { 'GData-Version': '3.0' };
const PAGE = 25;
const text = (node) => (node && node.$t) || '';
const xml = (s) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function sharedView(root) {
  const domain = session.domain;
  const feedPath = `/m8/feeds/contacts/${encodeURIComponent(domain)}/full`;
  const query = h('input', { id: 'shared-search', type: 'search' });
  const results = h('div', { id: 'shared-results' });
  const paging = pager(async (start) => {
    const index = Number(start || 1);
    const answer = await call('GET', feedPath, {
      headers: GDATA, query: { alt: 'json', 'max-results': PAGE, 'start-index': index, q: query.value.trim() },
    });
    const feed = answer.feed || {};
    const entries = feed.entry || [];
    results.replaceChildren(table(['Name', 'E-mail', 'Phone', 'Updated', ''], entries.map((e) => [
      text(e.gd$name && e.gd$name.gd$fullName) || text(e.title),
      (e.gd$email || []).map((m) => m.address).join(', '),
      (e.gd$phoneNumber || []).map((p) => p.$t).join(', '),
      new Date(text(e.updated)).toLocaleString(),
      session.admin ? h('button', { type: 'button', class: 'secondary', 'data-delete-shared': text(e.title), onclick: () => remove(e) }, 'Delete') : '',
    ]), { id: 'shared-table' }));
    const total = Number(text(feed.openSearch$totalResults) || 0);
    const more = (feed.link || []).some((l) => l.rel === 'next');
    return { next: more ? String(index + PAGE) : '', total };
  });
  root.append(h('h1', {}, `Shared contacts of ${domain}`),
    h('form', { class: 'toolbar', role: 'search', onsubmit: (e) => { e.preventDefault(); paging.reload(); } },
      h('div', { class: 'field' }, h('label', { for: 'shared-search' }, 'Search shared contacts'), query),
      h('button', { type: 'submit' }, 'Search')),
    results, paging.element);
  if (session.admin) root.append(createForm());
  else root.append(h('p', { class: 'muted', id: 'admin-only' }, `Only administrators of ${domain} change its shared contacts.`));
  paging.reload();

  function createForm() {
    const form = h('form', { class: 'card', id: 'shared-form' }, h('h2', {}, 'New shared contact'),
      h('div', { class: 'grid2' },
        field('Given name', 'shared-given', { required: true }),
        field('Family name', 'shared-family'),
        field('E-mail', 'shared-email', { type: 'email' }),
        field('Phone', 'shared-phone', { type: 'tel' })),
      h('button', { type: 'submit' }, 'Create shared contact'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const v = (id) => form.querySelector(`#${id}`).value.trim();
      const entry = '<atom:entry xmlns:atom="http://www.w3.org/2005/Atom" xmlns:gd="http://schemas.google.com/g/2005">'
        + '<atom:category scheme="http://schemas.google.com/g/2005#kind" term="http://schemas.google.com/contact/2008#contact"/>'
        + `<gd:name><gd:givenName>${xml(v('shared-given'))}</gd:givenName>`
        + (v('shared-family') ? `<gd:familyName>${xml(v('shared-family'))}</gd:familyName>` : '') + '</gd:name>'
        + (v('shared-email') ? `<gd:email rel="http://schemas.google.com/g/2005#work" address="${xml(v('shared-email'))}"/>` : '')
        + (v('shared-phone') ? `<gd:phoneNumber rel="http://schemas.google.com/g/2005#work">${xml(v('shared-phone'))}</gd:phoneNumber>` : '')
        + '</atom:entry>';
      const made = await attempt(() => call('POST', feedPath, { headers: GDATA, body: entry, type: 'application/atom+xml', as: 'text' }));
      if (made !== undefined) { form.reset(); await paging.reload(); flash('Created the shared contact.'); }
    });
    return form;
  }

  async function remove(e) {
    const id = text(e.id).split('/').pop();
    const done = await attempt(() => call('DELETE', `${feedPath}/${id}`, { headers: { ...GDATA, 'If-Match': '*' }, as: 'text' }));
    if (done !== undefined) { await paging.reload(); flash(`Deleted shared contact ${id}.`); }
  }
}
