// Boot: finds the mode, keeps the token, routes #hash views.
import { call, session, flashPending } from './api.js';
import { contactsView, contactView } from './contacts.js';
import { otherView, groupsView, usersView } from './lists.js';
import { sharedView } from './shared.js';
import { changesView } from './changes.js';
import { emulatorView, dataView } from './emulator.js';

const views = {
  users: usersView,
  contacts: contactsView,
  contact: contactView,
  other: otherView,
  groups: groupsView,
  shared: sharedView,
  changes: changesView,
  emulator: emulatorView,
  data: dataView,
};

async function detectMode() {
  try {
    await call('GET', '/emulator/v1/clock', { auth: false });
    session.mode = 'emulator';
  } catch {
    session.mode = 'production';
  }
  const badge = document.getElementById('mode');
  badge.textContent = session.mode === 'emulator' ? 'emulator' : 'production';
  badge.classList.toggle('production', session.mode === 'production');
  const input = document.getElementById('token');
  if (session.mode === 'emulator') {
    document.getElementById('token-label').textContent = 'Acting as';
    input.title = 'An e-mail address or an unsigned JWT (emulator mode)';
    input.placeholder = 'alice@example.com';
    if (!session.token) session.setToken('alice@example.com');
  } else {
    document.getElementById('token-label').textContent = 'Bearer token';
    input.type = 'password';
    input.placeholder = 'paste an access token';
  }
  input.value = session.token;
  showIdentity();
}

function showIdentity() {
  const who = document.getElementById('whoami');
  if (!session.token) {
    who.textContent = 'No token: paste one to use the console.';
    return;
  }
  who.textContent = `${session.email || 'unknown user'}${session.admin ? ' · admin of ' + session.domain : ''}`;
}

export function render() {
  const [name, ...rest] = (location.hash.slice(1) || 'contacts').split('/');
  const view = views[name] || views.contacts;
  for (const link of document.querySelectorAll('nav a')) {
    const current = link.dataset.view === name || (name === 'contact' && link.dataset.view === 'contacts');
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  flashPending();
  const root = document.getElementById('view');
  root.replaceChildren();
  if (!session.token && name !== 'emulator') {
    root.append('Give a token above to start.');
    return;
  }
  view(root, decodeURIComponent(rest.join('/')));
}

document.getElementById('identity').addEventListener('submit', (event) => {
  event.preventDefault();
  session.setToken(document.getElementById('token').value);
  showIdentity();
  render();
});
window.addEventListener('hashchange', () => {
  render();
  // Keyboard and screen-reader users land on the new view, not back on the menu.
  document.getElementById('main').focus({ preventScroll: true });
});
await detectMode();
render();
document.body.dataset.ready = 'true';
