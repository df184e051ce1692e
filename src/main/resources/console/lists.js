// Users of a domain, other contacts and contact groups.
import { call, session, h, field, attempt, pager, table, flash } from './api.js';
import { first, display, personRow } from './contacts.js';

const OTHER_MASK = 'names,emailAddresses,phoneNumbers';

/**
 * Emulator mode: GET /emulator/v1/users (every user, paged). Production mode: the domain's
 * profiles from people.listDirectoryPeople, for the domain's administrators.
 */
export function usersView(root) {
  const domain = h('input', { id: 'users-domain', value: session.domain, required: true });
  const results = h('div', { id: 'users-results' });
  const act = (email) => h('button', {
    type: 'button', class: 'secondary', 'data-user': email,
    onclick: () => {
      session.setToken(email);
      document.getElementById('token').value = email;
      document.getElementById('token').form.requestSubmit();
      location.hash = 'contacts';
    },
  }, 'Act as');
  const paging = pager(async (pageToken) => {
    if (session.mode === 'emulator') {
      const page = await call('GET', '/emulator/v1/users', { auth: false, query: { domain: domain.value.trim(), pageSize: 25, pageToken } });
      results.replaceChildren(table(['User', 'Resource name', 'First seen', ''],
        (page.users || []).map((u) => [u.email, u.resourceName, new Date(u.createTime).toLocaleString(), act(u.email)]), { id: 'users-table' }));
      return { next: page.nextPageToken };
    }
    const page = await call('GET', '/v1/people:listDirectoryPeople', {
      query: { sources: 'DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE', readMask: 'names,emailAddresses', pageSize: 25, pageToken },
    });
    results.replaceChildren(table(['User', 'Name'],
      (page.people || []).map((p) => [first(p.emailAddresses, 'value'), display(p)]), { id: 'users-table' }));
    return { next: page.nextPageToken };
  });
  root.append(h('h1', {}, 'Users'));
  if (session.mode === 'production' && !session.admin) {
    root.append(h('p', { id: 'admin-only' }, `Only an administrator of ${session.domain} may list its users; this token names none.`));
    return;
  }
  root.append(
    h('form', { class: 'toolbar', onsubmit: (e) => { e.preventDefault(); paging.reload(); } },
      h('div', { class: 'field' }, h('label', { for: 'users-domain' }, 'Domain'), domain),
      h('button', { type: 'submit' }, 'List')),
    session.mode === 'emulator'
      ? h('p', { class: 'muted' }, 'A user exists from their first request: type any address in “Acting as” to add one.')
      : null,
    results, paging.element);
  paging.reload();
}

/** otherContacts.list (paged) and otherContacts.search. */
export function otherView(root) {
  const query = h('input', { id: 'other-search', type: 'search' });
  const results = h('div', { id: 'other-results' });
  const row = (p) => [display(p), first(p.emailAddresses, 'value'), first(p.phoneNumbers, 'value'),
    h('button', { type: 'button', class: 'secondary', 'data-copy': p.resourceName, onclick: () => copy(p) }, 'Save to my contacts')];
  const paging = pager(async (pageToken) => {
    const q = query.value.trim();
    if (q) {
      const found = await call('GET', '/v1/otherContacts:search', { query: { query: q, readMask: OTHER_MASK, pageSize: 30 } });
      results.replaceChildren(table(['Name', 'E-mail', 'Phone', ''], (found.results || []).map((r) => row(r.person)), { id: 'other-table' }));
      return {};
    }
    const page = await call('GET', '/v1/otherContacts', { query: { readMask: OTHER_MASK, pageSize: 25, pageToken } });
    results.replaceChildren(table(['Name', 'E-mail', 'Phone', ''], (page.otherContacts || []).map(row), { id: 'other-table' }));
    return { next: page.nextPageToken, total: page.totalSize };
  });
  root.append(h('h1', {}, 'Other contacts'),
    h('form', { class: 'toolbar', role: 'search', onsubmit: (e) => { e.preventDefault(); paging.reload(); } },
      h('div', { class: 'field' }, h('label', { for: 'other-search' }, 'Search other contacts'), query),
      h('button', { type: 'submit' }, 'Search')),
    results, paging.element);
  paging.reload();

  async function copy(p) {
    const saved = await attempt(() => call('POST', `/v1/${p.resourceName}:copyOtherContactToMyContactsGroup`, { body: { copyMask: OTHER_MASK } }));
    if (saved) { await paging.reload(); flash(`Saved as ${saved.resourceName}.`); }
  }
}

/** contactGroups.list (paged), create, rename-free delete, and a group's members. */
export function groupsView(root) {
  const results = h('div', { id: 'groups-results' });
  const members = h('div', { id: 'group-members' });
  const paging = pager(async (pageToken) => {
    const page = await call('GET', '/v1/contactGroups', { query: { pageSize: 50, pageToken } });
    results.replaceChildren(table(['Group', 'Type', 'Members', ''], (page.contactGroups || []).map((g) => [
      h('a', { href: '#groups', 'data-group-link': g.formattedName, onclick: (e) => { e.preventDefault(); showMembers(g); } }, g.formattedName || g.name),
      g.groupType === 'USER_CONTACT_GROUP' ? 'user' : 'system',
      String(g.memberCount || 0),
      g.groupType === 'USER_CONTACT_GROUP'
        ? h('button', { type: 'button', class: 'secondary', 'data-delete-group': g.name, onclick: () => removeGroup(g) }, 'Delete') : '',
    ]), { id: 'groups-table' }));
    return { next: page.nextPageToken, total: page.totalItems };
  });
  const name = field('New group', 'group-name', { required: true });
  root.append(h('h1', {}, 'Contact groups'),
    h('form', { class: 'toolbar', onsubmit: (e) => { e.preventDefault(); create(); } }, name, h('button', { type: 'submit' }, 'Create group')),
    results, paging.element, members);
  paging.reload();

  async function create() {
    const input = name.querySelector('input');
    const made = await attempt(() => call('POST', '/v1/contactGroups', { body: { contactGroup: { name: input.value.trim() } } }));
    if (made) { input.value = ''; await paging.reload(); flash(`Created ${made.resourceName}.`); }
  }
  async function removeGroup(g) {
    const done = await attempt(() => call('DELETE', `/v1/${g.resourceName}`));
    if (done !== undefined) { await paging.reload(); flash(`Deleted ${g.resourceName}.`); }
  }
  async function showMembers(g) {
    // contactGroups.get lists member names (up to maxMembers); people:getBatchGet reads 200 at once.
    const group = await attempt(() => call('GET', `/v1/${g.resourceName}`, { query: { maxMembers: 200 } }));
    if (!group) return;
    const names = group.memberResourceNames || [];
    const got = names.length ? await attempt(() => call('GET', '/v1/people:batchGet', {
      query: { resourceNames: names, personFields: 'names,emailAddresses,phoneNumbers,organizations' },
    })) : { responses: [] };
    const people = ((got && got.responses) || []).map((r) => r.person).filter(Boolean);
    members.replaceChildren(h('h2', {}, `Members of ${g.formattedName || g.name}`),
      h('p', { class: 'muted' }, `${group.memberCount || 0} in all${names.length < (group.memberCount || 0) ? `, first ${names.length} shown` : ''}.`),
      table(['Name', 'E-mail', 'Phone', 'Organization'], people.map(personRow), { id: 'members-table' }));
  }
}
