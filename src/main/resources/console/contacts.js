// A user's contacts: the list (connections.list paged, searchContacts), one contact as a form,
// as People API JSON and as vCard (the CardDAV card), create, edit with etag, delete.
import { call, session, h, field, flashNext, attempt, pager, table } from './api.js';

const LIST_FIELDS = 'names,emailAddresses,phoneNumbers,organizations,metadata';
const FORM_FIELDS = 'names,emailAddresses,phoneNumbers,organizations,biographies,memberships,metadata';
const UPDATABLE = 'names,emailAddresses,phoneNumbers,organizations,biographies,memberships';

export const first = (list, key) => (list && list[0] && list[0][key]) || '';
export const display = (p) => first(p.names, 'displayName') || first(p.emailAddresses, 'value') || p.resourceName;
const idOf = (resourceName) => resourceName.replace(/^people\//, '');

export function personRow(p) {
  return [
    h('a', { href: `#contact/${idOf(p.resourceName)}`, 'data-resource': p.resourceName }, display(p)),
    first(p.emailAddresses, 'value'),
    first(p.phoneNumbers, 'value'),
    first(p.organizations, 'name'),
  ];
}

export function contactsView(root) {
  const query = h('input', { id: 'contact-search', type: 'search', placeholder: 'name, e-mail, phone…' });
  const sort = field('Order', 'contact-sort', {
    tag: 'select',
    options: [['FIRST_NAME_ASCENDING', 'First name'], ['LAST_NAME_ASCENDING', 'Last name'],
      ['LAST_MODIFIED_DESCENDING', 'Recently changed'], ['LAST_MODIFIED_ASCENDING', 'Oldest change']],
  });
  const size = field('Per page', 'contact-page-size', {
    tag: 'select', value: '25', options: [['10', '10'], ['25', '25'], ['100', '100']],
  });
  const results = h('div', { id: 'contact-results' });
  const paging = pager(async (pageToken) => {
    const q = query.value.trim();
    if (q) {
      // searchContacts answers the best 30 matches, as Google's does: no pages.
      const found = await call('GET', '/v1/people:searchContacts', { query: { query: q, readMask: LIST_FIELDS, pageSize: 30 } });
      const people = (found.results || []).map((r) => r.person);
      results.replaceChildren(h('p', { class: 'muted' }, `Best ${people.length} matches for “${q}”.`),
        table(['Name', 'E-mail', 'Phone', 'Organization'], people.map(personRow), { id: 'contacts-table' }));
      return {};
    }
    const page = await call('GET', '/v1/people/me/connections', {
      query: {
        personFields: LIST_FIELDS, pageSize: size.querySelector('select').value,
        sortOrder: sort.querySelector('select').value, pageToken,
      },
    });
    results.replaceChildren(table(['Name', 'E-mail', 'Phone', 'Organization'],
      (page.connections || []).map(personRow), { id: 'contacts-table' }));
    return { next: page.nextPageToken, total: page.totalItems || 0 };
  });
  const form = h('form', { class: 'toolbar', role: 'search', onsubmit: (e) => { e.preventDefault(); paging.reload(); } },
    h('div', { class: 'field' }, h('label', { for: 'contact-search' }, 'Search contacts'), query),
    sort, size,
    h('button', { type: 'submit' }, 'Search'),
    h('button', { type: 'button', class: 'secondary', 'data-action': 'new-contact', onclick: () => { location.hash = 'contact/new'; } }, 'New contact'));
  for (const select of form.querySelectorAll('select')) select.addEventListener('change', () => paging.reload());
  root.append(h('h1', {}, `Contacts of ${session.email}`), form, results, paging.element);
  paging.reload();
}

/** One contact, or a blank form for "new". */
export async function contactView(root, id) {
  const isNew = id === 'new' || !id;
  const person = isNew ? {} : await attempt(() => call('GET', `/v1/people/${id}`, { query: { personFields: FORM_FIELDS } }));
  if (!person) return;
  const groups = await attempt(() => call('GET', '/v1/contactGroups', { query: { pageSize: 1000 } })) || {};
  const title = h('h1', {}, isNew ? 'New contact' : display(person));
  const panes = { form: contactForm(person, groups.contactGroups || [], isNew) };
  if (!isNew) {
    panes.json = h('pre', { id: 'contact-json' }, JSON.stringify(person, null, 2));
    panes.vcard = h('pre', { id: 'contact-vcard' }, 'Loading…');
    loadCard(person, panes.vcard);
  }
  const tabs = h('div', { class: 'tabs', role: 'tablist' });
  const body = h('div', { role: 'tabpanel' });
  const labels = { form: 'Form', json: 'People API JSON', vcard: 'vCard' };
  for (const [key, pane] of Object.entries(panes)) {
    const tab = h('button', { type: 'button', role: 'tab', id: `tab-${key}`, 'aria-selected': 'false' }, labels[key]);
    tab.addEventListener('click', () => {
      for (const t of tabs.children) t.setAttribute('aria-selected', String(t === tab));
      body.replaceChildren(pane);
    });
    tabs.append(tab);
  }
  // WAI-ARIA tabs: arrow keys move between them (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/).
  tabs.addEventListener('keydown', (event) => {
    const all = [...tabs.children];
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    const next = all[(all.indexOf(document.activeElement) + step + all.length) % all.length];
    next.focus();
    next.click();
  });
  root.append(h('p', {}, h('a', { href: '#contacts' }, '← All contacts')), title, tabs, body);
  tabs.firstChild.click();
}

async function loadCard(person, pre) {
  // The card as CardDAV serves it (README, CardDAV): a People-made contact's card is its id.
  const card = idOf(person.resourceName).replace(/^c/, '');
  const path = `/carddav/v1/principals/${encodeURIComponent(session.email)}/lists/default/${card}`;
  try {
    pre.textContent = await call('GET', path, { as: 'text', headers: { Accept: 'text/vcard; version=4.0' } });
  } catch (e) {
    pre.textContent = e.status === 404
      ? 'No card under this contact\'s id: a CardDAV client chose its own card name.'
      : e.message;
  }
}

function contactForm(person, groups, isNew) {
  const name = (person.names || [{}])[0];
  const groupBoxes = groups
    .filter((g) => g.groupType === 'USER_CONTACT_GROUP' || ['contactGroups/myContacts', 'contactGroups/starred'].includes(g.resourceName))
    .map((g) => {
      const member = isNew ? g.resourceName === 'contactGroups/myContacts'
        : (person.memberships || []).some((m) => m.contactGroupMembership && m.contactGroupMembership.contactGroupResourceName === g.resourceName);
      const boxId = `group-${g.resourceName.split('/')[1]}`;
      return h('label', { class: 'chip', for: boxId },
        h('input', { type: 'checkbox', id: boxId, value: g.resourceName, checked: member, 'data-group': g.formattedName || g.name }),
        g.formattedName || g.name);
    });
  const form = h('form', { id: 'contact-form', class: 'card' },
    h('div', { class: 'grid2' },
      field('Given name', 'givenName', { value: name.givenName || '' }),
      field('Family name', 'familyName', { value: name.familyName || '' }),
      field('E-mail', 'email', { type: 'email', value: first(person.emailAddresses, 'value') }),
      field('Phone', 'phone', { type: 'tel', value: first(person.phoneNumbers, 'value') }),
      field('Organization', 'organization', { value: first(person.organizations, 'name') })),
    field('Notes', 'notes', { tag: 'textarea', value: first(person.biographies, 'value') }),
    h('fieldset', { class: 'field' }, h('legend', {}, 'Groups'), h('div', { class: 'chips' }, groupBoxes)),
    h('div', { class: 'toolbar' },
      h('button', { type: 'submit', id: 'save-contact' }, isNew ? 'Create' : 'Save'),
      isNew ? null : h('button', { type: 'button', class: 'danger', id: 'delete-contact', onclick: () => remove(person) }, 'Delete'),
      isNew ? null : h('span', { class: 'muted' }, `etag ${person.etag}`)));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = draft(person, form);
    const saved = await attempt(() => (isNew
      ? call('POST', '/v1/people:createContact', { query: { personFields: FORM_FIELDS }, body })
      : call('PATCH', `/v1/${person.resourceName}:updateContact`, {
        query: { updatePersonFields: UPDATABLE, personFields: FORM_FIELDS }, body: { ...body, etag: person.etag },
      })));
    if (!saved) return;
    const target = `contact/${idOf(saved.resourceName)}`;
    flashNext(isNew ? `Created ${saved.resourceName}.` : `Saved ${saved.resourceName}.`);
    if (location.hash === `#${target}`) window.dispatchEvent(new HashChangeEvent('hashchange'));
    else location.hash = target;
  });
  return form;
}

/** The Person to send: the first name, e-mail, phone and organization replaced, the others kept. */
function draft(person, form) {
  const value = (id) => form.querySelector(`#${id}`).value.trim();
  const replaceFirst = (list, item) => (item ? [item, ...(list || []).slice(1)] : (list || []).slice(1));
  const name = { ...((person.names || [])[0] || {}), givenName: value('givenName'), familyName: value('familyName') };
  delete name.displayName; delete name.displayNameLastFirst; delete name.unstructuredName; delete name.metadata;
  const memberships = [...form.querySelectorAll('[data-group]')].filter((b) => b.checked)
    .map((b) => ({ contactGroupMembership: { contactGroupResourceName: b.value } }));
  const kept = (person.memberships || []).filter((m) => m.contactGroupMembership
    && !form.querySelector(`[value="${m.contactGroupMembership.contactGroupResourceName}"]`));
  return {
    names: [name],
    emailAddresses: replaceFirst(person.emailAddresses, value('email') && { value: value('email') }),
    phoneNumbers: replaceFirst(person.phoneNumbers, value('phone') && { value: value('phone') }),
    organizations: replaceFirst(person.organizations, value('organization') && { name: value('organization') }),
    biographies: value('notes') ? [{ value: value('notes'), contentType: 'TEXT_PLAIN' }] : [],
    memberships: [...kept, ...memberships],
  };
}

async function remove(person) {
  const done = await attempt(() => call('DELETE', `/v1/${person.resourceName}:deleteContact`));
  if (done === undefined) return;
  flashNext(`Deleted ${person.resourceName}.`);
  location.hash = 'contacts';
}
