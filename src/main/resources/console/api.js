// The console's only way to the server: the public HTTP APIs, with the user's bearer token.

const TOKEN_KEY = 'openpeople.console.token';

/** What the console knows of its caller: mode, token, e-mail and administered domains. */
export const session = {
  mode: 'emulator',
  token: sessionStorage.getItem(TOKEN_KEY) || '',
  get email() {
    if (/^[^\s@]+@[^\s@]+$/.test(this.token)) return this.token.toLowerCase();
    return String(claims(this.token).email || '').toLowerCase();
  },
  get domain() {
    return this.email.slice(this.email.indexOf('@') + 1);
  },
  /** Emulator mode: every user administers their own domain; else the token's claim. */
  get adminDomains() {
    if (this.mode === 'emulator') return this.email ? [this.domain] : [];
    const claim = claims(this.token).openpeople_admin_domains;
    if (Array.isArray(claim)) return claim.map(String);
    return typeof claim === 'string' ? claim.split(/\s+/).filter(Boolean) : [];
  },
  get admin() {
    return this.adminDomains.includes(this.domain);
  },
  setToken(token) {
    this.token = token.trim();
    sessionStorage.setItem(TOKEN_KEY, this.token);
  },
};

/** The payload of a JWT, for display only: the server verifies every token itself. */
function claims(token) {
  const parts = token.split('.');
  if (parts.length < 2) return {};
  try {
    const text = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(text, (c) => c.charCodeAt(0))));
  } catch {
    return {};
  }
}

/** An answer other than 2xx, with Google's error message when there is one. */
export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/**
 * Calls the server. `query` values that are arrays repeat the parameter; `body` objects are sent
 * as JSON, strings and Blobs as they are (with `type`). Answers JSON, or text with `as: 'text'`.
 */
export async function call(method, path, { query, body, type, headers = {}, as = 'json', auth = true } = {}) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(query || {})) {
    if (value === undefined || value === null || value === '') continue;
    for (const v of [].concat(value)) url.searchParams.append(name, v);
  }
  const init = { method, headers: { ...headers } };
  if (auth && session.token) init.headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) {
    const raw = typeof body === 'string' || body instanceof Blob;
    init.body = raw ? body : JSON.stringify(body);
    init.headers['Content-Type'] = type || (raw ? 'application/octet-stream' : 'application/json');
  }
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    let parsed = null;
    try {
      parsed = JSON.parse(text);
      if (parsed.error && parsed.error.message) message = `${response.status} ${parsed.error.status || ''}: ${parsed.error.message}`;
    } catch {
      const reason = /<internalReason>([^<]*)</.exec(text);
      if (reason) message = `${response.status}: ${reason[1]}`;
    }
    throw new ApiError(response.status, message, parsed || text);
  }
  if (as === 'text') return text;
  if (as === 'response') return { text, headers: response.headers };
  return text ? JSON.parse(text) : {};
}

/** Small DOM builder: h('button', {onclick, class: 'x'}, 'text', child...). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'value') el.value = value;
    else if (name === 'checked') el.checked = Boolean(value);
    else el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** A labelled input; `id` ties label and control together. */
export function field(label, id, attrs = {}) {
  const control = attrs.tag === 'textarea'
    ? h('textarea', { id, name: id, rows: 3, ...attrs, tag: null })
    : attrs.tag === 'select'
      ? h('select', { id, name: id, ...attrs, tag: null, options: null },
          (attrs.options || []).map(([v, text]) => h('option', { value: v }, text)))
      : h('input', { id, name: id, type: 'text', ...attrs, tag: null });
  if (attrs.tag === 'select' && attrs.value) control.value = attrs.value;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

let pending = '';

/** A message for the view the console is about to show (navigation clears the old one). */
export function flashNext(message) {
  pending = message;
}

/** Shows the message left by flashNext, if any, else clears the message area. */
export function flashPending() {
  flash(pending);
  pending = '';
}

/** Shows a message above the view; errors in red. */
export function flash(message, error = false) {
  const el = document.getElementById('flash');
  el.className = error ? 'error' : '';
  el.textContent = message;
}

/** Runs an action, showing its failure as a message instead of losing it. */
export async function attempt(action, done) {
  try {
    const result = await action();
    if (done) flash(typeof done === 'function' ? done(result) : done);
    return result;
  } catch (e) {
    flash(e.message || String(e), true);
    return undefined;
  }
}

/** A pager over token-paged lists: keeps the tokens of earlier pages for "Previous". */
export function pager(load) {
  const tokens = [''];
  let next = '';
  const prev = h('button', { class: 'secondary', type: 'button', 'data-action': 'prev-page', disabled: true }, '← Previous');
  const nextButton = h('button', { class: 'secondary', type: 'button', 'data-action': 'next-page', disabled: true }, 'Next →');
  const label = h('span', { class: 'muted', 'data-role': 'page-label' }, 'Page 1');
  async function show() {
    const result = await attempt(() => load(tokens[tokens.length - 1]));
    next = (result && result.next) || '';
    prev.disabled = tokens.length <= 1;
    nextButton.disabled = !next;
    label.textContent = `Page ${tokens.length}${result && result.total !== undefined ? ` · ${result.total} in all` : ''}`;
  }
  prev.addEventListener('click', () => { tokens.pop(); show(); });
  nextButton.addEventListener('click', () => { tokens.push(next); show(); });
  return {
    element: h('div', { class: 'pager' }, prev, nextButton, label),
    reload() { tokens.length = 1; tokens[0] = ''; return show(); },
  };
}

/** A table: `columns` are header texts, `rows` arrays of cells. */
export function table(columns, rows, attrs = {}) {
  return h('table', attrs,
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.length ? rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c))))
      : h('tr', {}, h('td', { colspan: columns.length, class: 'muted' }, 'Nothing here.'))));
}
