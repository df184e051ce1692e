// The change log of a user, from the People API itself: the latest changes (connections.list by
// LAST_MODIFIED_DESCENDING) and every change since a sync point the console keeps (connections.list
// with a sync token, deletions included), so it works the same against any server in any mode.
import { call, session, h, attempt, pager, table, flash } from './api.js';
import { display } from './contacts.js';

const FIELDS = 'names,emailAddresses,metadata';
const key = () => `openpeople.console.sync.${session.email}`;
const updated = (p) => ((p.metadata && p.metadata.sources) || []).map((s) => s.updateTime).filter(Boolean).sort().pop() || '';
const link = (p) => h('a', { href: `#contact/${p.resourceName.replace(/^people\//, '')}` }, display(p));

export function changesView(root) {
  const latest = h('div', { id: 'latest-changes' });
  const paging = pager(async (pageToken) => {
    const page = await call('GET', '/v1/people/me/connections', {
      query: { personFields: FIELDS, sortOrder: 'LAST_MODIFIED_DESCENDING', pageSize: 20, pageToken },
    });
    latest.replaceChildren(table(['Contact', 'Changed at'],
      (page.connections || []).map((p) => [link(p), new Date(updated(p)).toLocaleString()]), { id: 'latest-table' }));
    return { next: page.nextPageToken, total: page.totalItems || 0 };
  });
  const log = h('div', { id: 'sync-log' });
  const status = h('p', { class: 'muted', id: 'sync-status' });
  root.append(h('h1', {}, `Change log of ${session.email}`),
    h('h2', {}, 'Latest changes'), latest, paging.element,
    h('h2', {}, 'Changes since a sync point'),
    h('p', { class: 'muted' }, 'Takes a sync token now (a full connections.list walk) and lists every change after it, deletions too, as an incremental sync would.'),
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', id: 'sync-start', onclick: start }, 'Set sync point'),
      h('button', { type: 'button', class: 'secondary', id: 'sync-refresh', onclick: refresh }, 'Fetch changes')),
    status, log);
  paging.reload();
  show();

  function state() {
    return JSON.parse(sessionStorage.getItem(key()) || 'null');
  }
  function save(value) {
    sessionStorage.setItem(key(), JSON.stringify(value));
    show();
  }
  function show() {
    const s = state();
    status.textContent = s ? `Sync point set ${new Date(s.since).toLocaleString()}; ${s.changes.length} changes seen.` : 'No sync point yet.';
    log.replaceChildren(s ? table(['Seen at', 'Contact', 'Change'], s.changes.slice().reverse().map((c) => [
      new Date(c.seen).toLocaleString(), c.name, c.deleted ? h('span', { class: 'deleted' }, 'deleted') : 'created or changed',
    ]), { id: 'sync-table' }) : '');
  }
  async function start() {
    const token = await attempt(async () => {
      let pageToken = '';
      for (;;) {
        const page = await call('GET', '/v1/people/me/connections', {
          query: { personFields: FIELDS, pageSize: 1000, requestSyncToken: true, pageToken, fields: 'nextPageToken,nextSyncToken' },
        });
        if (!page.nextPageToken) return page.nextSyncToken;
        pageToken = page.nextPageToken;
      }
    });
    if (token) save({ token, since: Date.now(), changes: [] });
  }
  async function refresh() {
    const s = state();
    if (!s) { flash('Set a sync point first.', true); return; }
    await attempt(async () => {
      let pageToken = '';
      let token = s.token;
      for (;;) {
        const page = await call('GET', '/v1/people/me/connections', {
          query: { personFields: FIELDS, requestSyncToken: true, syncToken: s.token, pageToken, pageSize: 1000 },
        });
        for (const p of page.connections || []) {
          const deleted = Boolean(p.metadata && p.metadata.deleted);
          s.changes.push({ seen: Date.now(), name: deleted ? p.resourceName : `${display(p)} (${p.resourceName})`, deleted });
        }
        if (!page.nextPageToken) { token = page.nextSyncToken || token; break; }
        pageToken = page.nextPageToken;
      }
      save({ ...s, token });
    }, 'Fetched the changes since the sync point.');
  }
}
