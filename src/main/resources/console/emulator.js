// Emulator controls (clock, faults, reset) and import/export, over /emulator/v1/.
import { call, session, h, field, attempt, table, flash, ApiError } from './api.js';

const FAULT_KINDS = [['RESOURCE_EXHAUSTED', '429 RESOURCE_EXHAUSTED'], ['UNAVAILABLE', '503 UNAVAILABLE'], ['EXPIRED_SYNC_TOKEN', '400 expired sync token']];

function emulatorOnly(root, title) {
  if (session.mode === 'emulator') return false;
  root.append(h('h1', {}, title), h('p', { id: 'emulator-only' }, 'These controls exist only in emulator mode; this server runs in production mode.'));
  return true;
}

export function emulatorView(root) {
  if (emulatorOnly(root, 'Clock, faults, reset')) return;
  const now = h('p', { id: 'clock-now' }, '…');
  const seconds = field('Seconds', 'clock-seconds', { type: 'number', min: 0, value: '3600' });
  const faults = h('div', { id: 'faults' });
  const methods = h('datalist', { id: 'discovery-methods' });
  const confirm = h('div', { class: 'toolbar', hidden: true },
    h('span', {}, 'Wipe every user, contact and shared contact?'),
    h('button', { type: 'button', class: 'danger', id: 'reset-confirm', onclick: reset }, 'Yes, reset'),
    h('button', { type: 'button', class: 'secondary', onclick: () => { confirm.hidden = true; } }, 'Cancel'));
  root.append(h('h1', {}, 'Clock, faults, reset'),
    h('section', { class: 'card' }, h('h2', {}, 'Clock'), now,
      h('form', { class: 'toolbar', onsubmit: (e) => { e.preventDefault(); advance(); } }, seconds, h('button', { type: 'submit', id: 'clock-advance' }, 'Advance clock'))),
    h('section', { class: 'card' }, h('h2', {}, 'Faults'),
      h('p', { class: 'muted' }, 'The next calls of a method fail with the chosen error.'),
      faultForm(), faults, methods),
    h('section', { class: 'card' }, h('h2', {}, 'Reset'),
      h('button', { type: 'button', class: 'danger', id: 'reset', onclick: () => { confirm.hidden = false; } }, 'Reset everything…'), confirm));
  showClock();
  showFaults();
  attempt(async () => {
    const doc = await call('GET', '/$discovery/rest', { query: { version: 'v1' }, auth: false });
    const ids = [];
    (function walk(resources) {
      for (const r of Object.values(resources || {})) {
        for (const m of Object.values(r.methods || {})) ids.push(m.id);
        walk(r.resources);
      }
    }(doc.resources));
    methods.replaceChildren(...ids.sort().map((id) => h('option', { value: id })));
  });

  function faultForm() {
    const form = h('form', { class: 'toolbar', id: 'fault-form' },
      field('Method', 'fault-method', { list: 'discovery-methods', required: true, placeholder: 'people.people.connections.list', size: 34 }),
      field('Error', 'fault-error', { tag: 'select', options: FAULT_KINDS }),
      field('Count', 'fault-count', { type: 'number', min: 1, value: '1' }),
      field('Only for user', 'fault-user', { type: 'email', placeholder: 'any user' }),
      h('button', { type: 'submit', id: 'fault-arm' }, 'Arm'),
      h('button', { type: 'button', class: 'secondary', id: 'fault-clear', onclick: clear }, 'Clear all'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const v = (id) => form.querySelector(`#${id}`).value.trim();
      const body = { method: v('fault-method'), error: v('fault-error'), count: Number(v('fault-count') || 1) };
      if (v('fault-user')) body.user = v('fault-user');
      const armed = await attempt(() => call('POST', '/emulator/v1/faults', { body, auth: false }), 'Fault armed.');
      if (armed) render(armed);
    });
    return form;
  }
  function render(list) {
    faults.replaceChildren(table(['Method', 'Error', 'Remaining', 'User'],
      (list.faults || []).map((f) => [f.method, f.error, String(f.count), f.user || 'any']), { id: 'faults-table' }));
  }
  async function showFaults() {
    const list = await attempt(() => call('GET', '/emulator/v1/faults', { auth: false }));
    if (list) render(list);
  }
  async function clear() {
    if (await attempt(() => call('DELETE', '/emulator/v1/faults', { auth: false }), 'Faults cleared.')) showFaults();
  }
  async function showClock() {
    const clock = await attempt(() => call('GET', '/emulator/v1/clock', { auth: false }));
    if (clock) now.textContent = `Server time ${clock.now} (offset ${clock.offsetSeconds} s)`;
  }
  async function advance() {
    const n = Number(seconds.querySelector('input').value);
    const clock = await attempt(() => call('POST', '/emulator/v1/clock:advance', { body: { seconds: n }, auth: false }), `Clock advanced by ${n} s.`);
    if (clock) now.textContent = `Server time ${clock.now} (offset ${clock.offsetSeconds} s)`;
  }
  async function reset() {
    if (await attempt(() => call('POST', '/emulator/v1:reset', { body: {}, auth: false }), 'Everything was reset.')) {
      confirm.hidden = true;
      showFaults();
    }
  }
}

const FORMATS = { vcf: 'vcard', vcard: 'vcard', csv: 'csv', json: 'json' };
const missing = (what) => `${what} is not available on this server: ${location.origin}/emulator/v1/users/{email}:${what.toLowerCase()} answered 404 (a server without the import/export routes).`;

/**
 * POST /emulator/v1/users/{email}:import and GET .../{email}:export?format=vcard|csv|json: open in
 * emulator mode, for the domain's administrators in production mode (the server checks).
 */
export function dataView(root) {
  root.append(h('h1', {}, 'Import and export'));
  if (session.mode === 'production' && !session.admin) {
    root.append(h('p', { id: 'admin-only' }, `Only administrators of ${session.domain} import and export its users' contacts.`));
    return;
  }
  const who = field('User', 'data-user', { type: 'email', value: session.email, required: true });
  const user = () => encodeURIComponent(who.querySelector('input').value.trim());
  const file = h('input', { id: 'import-file', type: 'file', accept: '.vcf,.vcard,.csv,.json' });
  const result = h('div', { id: 'import-result' });
  const download = h('p', { id: 'export-result' });
  const format = field('Format', 'export-format', {
    tag: 'select',
    options: [['vcard', 'vCard 3.0'], ['vcard4', 'vCard 4.0'], ['csv', 'Google CSV'], ['json', 'People API JSON']],
  });
  root.append(who,
    h('form', { class: 'card', id: 'import-form', onsubmit: (e) => { e.preventDefault(); upload(); } },
      h('h2', {}, 'Import'), h('div', { class: 'field' }, h('label', { for: 'import-file' }, 'vCard, Google CSV or People API JSON file'), file),
      h('button', { type: 'submit', id: 'import' }, 'Import'), result),
    h('form', { class: 'card', id: 'export-form', onsubmit: (e) => { e.preventDefault(); exportFile(); } },
      h('h2', {}, 'Export'), format, h('button', { type: 'submit', id: 'export' }, 'Export'), download));

  async function upload() {
    const chosen = file.files[0];
    if (!chosen) { flash('Choose a file first.', true); return; }
    const kind = FORMATS[chosen.name.split('.').pop().toLowerCase()];
    try {
      const summary = await call('POST', `/emulator/v1/users/${user()}:import`, { query: { format: kind }, body: chosen, type: chosen.type || 'application/octet-stream' });
      const skipped = summary.skippedEntries || [];
      result.replaceChildren(skipped.length
        ? table(['Where', 'Why it was skipped'], skipped.map((s) => [s.where, s.reason]), { id: 'import-skipped' }) : '');
      flash(`Imported ${summary.imported ?? '?'} from ${chosen.name}; skipped ${summary.skipped ?? skipped.length}.`);
    } catch (e) {
      flash(e instanceof ApiError && e.status === 404 ? missing('Import') : e.message, true);
    }
  }
  async function exportFile() {
    const chosen = format.querySelector('select').value;
    const query = chosen === 'vcard4' ? { format: 'vcard', version: '4.0' } : { format: chosen };
    try {
      const text = await call('GET', `/emulator/v1/users/${user()}:export`, { query, as: 'text' });
      const ext = { vcard: 'vcf', csv: 'csv', json: 'json' }[query.format];
      const url = URL.createObjectURL(new Blob([text], { type: { vcf: 'text/vcard', csv: 'text/csv', json: 'application/json' }[ext] }));
      const name = `${decodeURIComponent(user())}.${ext}`;
      download.replaceChildren(h('a', { href: url, download: name, id: 'export-link' }, `Download ${name}`), ` (${text.length} characters)`,
        h('pre', { id: 'export-preview' }, text.length > 4000 ? `${text.slice(0, 4000)}\n…` : text));
      flash('Export ready.');
    } catch (e) {
      flash(e instanceof ApiError && e.status === 404 ? missing('Export') : e.message, true);
    }
  }
}
