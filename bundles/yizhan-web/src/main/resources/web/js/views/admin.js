// Administration: windows, the network (R1), staff accounts.
import {$, esc} from '../dom.js';
import {W, ACTIONS, STATUS, HANDLING, LEVEL, lang, w, from, both} from '../words.js';
import {session, api, basic, centers, centerName, forgetCenters} from '../api.js';
import {flash, showError, field, badge, alertBadge, when, render} from '../ui.js';
import {nav} from '../nav.js';

export async function windowsView(params) {
    const me = session.me;
    const list = await centers();
    const mine = list.filter((c) => c.id === me.centerId || (session.has('county-admin')));
    const center = Number(params.get('center') || me.centerId);
    const [windows, modules] = await Promise.all([api('GET', `/centers/${center}/windows`, undefined, null), api('GET', '/windows/modules', undefined, null)]);
    render(`<h1>${both('windows')}</h1>
      <div class="card no-print">${field('center', w('center'), `<select id="f-center">${mine.map((c) => `<option value="${c.id}" ${c.id === center ? 'selected' : ''}>${esc(c.name)} (${esc(c.code)})</option>`).join('')}</select>`)}</div>
      <form class="card" id="windows" novalidate><div class="table-wrap"><table><thead><tr><th>${w('window')}</th><th>${w('status')}</th><th></th></tr></thead><tbody>
        ${windows.map((x) => `<tr><td>${esc(lang === 'zh' ? x.name : x.nameEn || x.name)} <span class="muted">${esc(x.type)}</span> ${x.special ? '<span class="badge">特色 special</span>' : ''}
          <div class="meta muted">${x.available ? w('available') : w('notAvailable')}</div></td>
          <td><span class="badge ${x.enabled ? 'ok' : ''}">${x.enabled ? w('enabled') : w('disabled')}</span></td>
          <td><button type="button" class="act ${x.enabled ? 'secondary' : ''}" data-type="${esc(x.type)}" data-on="${x.enabled ? 'false' : 'true'}">${x.enabled ? w('turnOff') : w('turnOn')}</button></td></tr>`).join('')}
      </tbody></table></div></form>
      <div class="card"><h2>${both('modules')}</h2><div class="table-wrap"><table id="modules"><thead><tr><th>Id</th><th>${w('version')}</th><th>${w('window')}</th><th class="wide">${w('items')}</th></tr></thead><tbody>
        ${modules.map((m) => `<tr><td>${esc(m.id)}<div class="muted">${esc(m.bundle)}</div></td><td>${esc(m.version)}</td><td>${esc(m.windowTypes.join(', '))}</td><td class="wide">${esc(m.items.join(', '))}</td></tr>`).join('')}</tbody></table></div></div>`);
    $('#f-center').addEventListener('change', (e) => { location.hash = '#/windows?center=' + e.target.value; });
    const form = $('#windows');
    form.querySelectorAll('button[data-type]').forEach((b) => b.addEventListener('click', async () => {
        try {
            await api('PUT', `/centers/${center}/windows/${encodeURIComponent(b.dataset.type)}`, {enabled: b.dataset.on === 'true'});
            flash(w('done'));
            await windowsView(params);
        } catch (e) { showError(form, e); }
    }));
}

export const ROLES = ['clerk', 'village-agent', 'town-admin', 'supervisor', 'county-admin', 'relay'];

/** The network (R1): centers, add, rename, close, CSV import (county admin). */
export async function networkView() {
    forgetCenters();
    const list = await centers();
    const byId = new Map(list.map((c) => [c.id, c]));
    render(`<h1>${both('network')}</h1>
      <div class="card"><div class="table-wrap"><table id="centers"><thead><tr><th>${w('code')}</th><th>${w('centerNameCol')}</th><th>${w('levelCol')}</th><th>${w('parent')}</th><th></th></tr></thead><tbody>
        ${list.map((c) => `<tr data-code="${esc(c.code)}"><td>${esc(c.code)}</td><td>${esc(c.name)}<div class="muted">${esc(c.nameEn || '')}</div></td><td>${esc(from(LEVEL, c.level))}</td>
          <td>${esc(c.parentId ? byId.get(c.parentId)?.code : '')}</td>
          <td><button type="button" class="act secondary" data-rename="${c.id}">${w('rename')}</button> ${c.level === 'COUNTY' ? '' : `<button type="button" class="act secondary" data-close="${c.id}">${w('close')}</button>`}</td></tr>`).join('')}
      </tbody></table></div></div>
      <form class="card" id="add-center" novalidate><h2>${both('addCenter')}</h2><div class="row">
        ${field('code', w('code'), '<input id="f-code" required maxlength="32">')}
        ${field('name', w('centerNameCol'), '<input id="f-name" required maxlength="100">')}
        ${field('nameEn', w('nameEn'), '<input id="f-nameEn" maxlength="200">')}
        ${field('level', w('levelCol'), `<select id="f-level">${['TOWN', 'VILLAGE'].map((l) => `<option value="${l}">${esc(from(LEVEL, l))}</option>`).join('')}</select>`)}
        ${field('parentId', w('parent'), `<select id="f-parentId">${list.filter((c) => c.level !== 'VILLAGE').map((c) => `<option value="${c.id}">${esc(c.name)} (${esc(c.code)})</option>`).join('')}</select>`)}
      </div><button class="primary" type="submit">${w('addCenter')}</button></form>
      <form class="card" id="import" novalidate><h2>${both('importCsv')}</h2>
        ${field('body', 'CSV (UTF-8)', '<input id="f-file" type="file" accept=".csv,text/csv">')}
        <button class="primary" type="submit">${w('importBtn')}</button><div id="import-result" aria-live="polite"></div></form>`);
    const table = $('#centers');
    table.querySelectorAll('[data-rename]').forEach((b) => b.addEventListener('click', async () => {
        const c = byId.get(Number(b.dataset.rename));
        const name = prompt(w('newName'), c.name);
        if (!name) return;
        try { await api('PUT', `/admin/centers/${c.id}`, {name}); flash(w('done')); await networkView(); } catch (e) { flash(e.message, true); }
    }));
    table.querySelectorAll('[data-close]').forEach((b) => b.addEventListener('click', async () => {
        if (!confirm(w('closeConfirm'))) return;
        try { await api('POST', `/admin/centers/${b.dataset.close}/close`); flash(w('done')); await networkView(); } catch (e) { flash(e.message, true); }
    }));
    const add = $('#add-center');
    add.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        try {
            await api('POST', '/admin/centers', {code: $('#f-code').value.trim(), name: $('#f-name').value.trim(), nameEn: $('#f-nameEn').value.trim(),
                level: $('#f-level').value, parentId: Number($('#f-parentId').value)});
            flash(w('done'));
            await networkView();
        } catch (e) { showError(add, e); }
    });
    const imp = $('#import');
    imp.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        const file = $('#f-file').files[0];
        if (!file) return;
        try {
            const r = await api('POST', '/admin/centers/import', await file.text(), session.auth, 'text/csv');
            forgetCenters();
            $('#import-result').innerHTML = `<p class="badge ok">${esc(w('imported'))}: ${esc(r.created)} ${esc(w('createdN'))}, ${esc(r.updated)} ${esc(w('updatedN'))}, ${esc(r.unchanged)} ${esc(w('unchangedN'))}</p>`;
        } catch (e) {
            const errors = (e.problem && e.problem.errors) || [];
            $('#import-result').innerHTML = `<p role="alert" class="error">${esc(e.message)}</p><div class="table-wrap"><table id="import-errors"><thead><tr><th>${w('line')}</th><th>${w('fieldCol')}</th><th>${w('detail')}</th></tr></thead><tbody>
              ${errors.map((x) => `<tr><td>${esc(x.line ?? '')}</td><td>${esc(x.field)}</td><td>${esc(lang === 'zh' ? x.messageZh : x.message)}</td></tr>`).join('')}</tbody></table></div>`;
        }
        $('#import-result').scrollIntoView({block: 'center'});
    });
}

/** Staff accounts: county admins for all, town admins for their town. */
export async function staffView() {
    const me = session.me;
    const [list, staff] = await Promise.all([centers(), api('GET', '/admin/staff')]);
    const byId = new Map(list.map((c) => [c.id, c]));
    const mine = session.has('county-admin') ? list : list.filter((c) => c.id === me.centerId || c.parentId === me.centerId);
    const state = (s) => !s.active ? w('inactive') : s.lockedUntil ? w('locked') : s.mustChangePassword ? w('pendingChange') : w('active');
    render(`<h1>${both('staffAccounts')}</h1>
      <div class="card"><div class="table-wrap"><table id="staff"><thead><tr><th>${w('user')}</th><th>${w('name')}</th><th>${w('center')}</th><th>${w('roles')}</th><th>${w('state')}</th><th></th></tr></thead><tbody>
        ${staff.map((s) => `<tr data-user="${esc(s.username)}"><td>${esc(s.username)}</td><td>${esc(s.name)}</td><td>${esc(byId.get(s.centerId)?.code ?? s.centerId)}</td>
          <td>${esc(s.roles.join(', '))}<div class="muted">${esc(s.windows.join(', '))}</div></td><td>${esc(state(s))}</td>
          <td><button type="button" class="act secondary" data-reset="${esc(s.username)}">${w('resetPassword')}</button>
            ${s.lockedUntil ? `<button type="button" class="act secondary" data-unlock="${esc(s.username)}">${w('unlock')}</button>` : ''}
            ${s.username === me.user ? '' : `<button type="button" class="act secondary" data-active="${esc(s.username)}" data-on="${s.active ? 'false' : 'true'}">${s.active ? w('deactivate') : w('activate')}</button>`}</td></tr>`).join('')}
      </tbody></table></div><div id="one-time" aria-live="polite"></div></div>
      <form class="card" id="add-staff" novalidate><h2>${both('addStaff')}</h2><div class="row">
        ${field('username', w('user'), '<input id="f-username" required maxlength="64" autocomplete="off">')}
        ${field('name', w('name'), '<input id="f-name" required maxlength="100">')}
        ${field('centerId', w('center'), `<select id="f-centerId">${mine.map((c) => `<option value="${c.id}">${esc(c.name)} (${esc(c.code)})</option>`).join('')}</select>`)}
        ${field('roles', w('roles'), `<select id="f-roles">${ROLES.filter((r) => session.has('county-admin') || r === 'clerk' || r === 'village-agent').map((r) => `<option>${r}</option>`).join('')}</select>`)}
        ${field('windows', w('windowsServed'), '<input id="f-windows" placeholder="civil-affairs, agriculture">')}
      </div><button class="primary" type="submit">${w('addStaff')}</button></form>`);
    const showOneTime = (s) => {
        $('#one-time').innerHTML = `<p class="card" role="status"><strong>${esc(s.username)}</strong> · ${w('oneTime')}: <code id="temporary-password">${esc(s.temporaryPassword)}</code></p>`;
        $('#one-time').scrollIntoView({block: 'center'});
    };
    const table = $('#staff');
    table.querySelectorAll('[data-reset]').forEach((b) => b.addEventListener('click', async () => {
        try { showOneTime(await api('POST', `/admin/staff/${encodeURIComponent(b.dataset.reset)}/reset-password`)); } catch (e) { flash(e.message, true); }
    }));
    table.querySelectorAll('[data-unlock]').forEach((b) => b.addEventListener('click', async () => {
        try { await api('POST', `/admin/staff/${encodeURIComponent(b.dataset.unlock)}/unlock`); await staffView(); } catch (e) { flash(e.message, true); }
    }));
    table.querySelectorAll('[data-active]').forEach((b) => b.addEventListener('click', async () => {
        try { await api('PUT', `/admin/staff/${encodeURIComponent(b.dataset.active)}`, {active: b.dataset.on === 'true'}); await staffView(); } catch (e) { flash(e.message, true); }
    }));
    const add = $('#add-staff');
    add.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        const windows = $('#f-windows').value.split(/[,，\s]+/).filter(Boolean);
        try {
            const s = await api('POST', '/admin/staff', {username: $('#f-username').value.trim(), name: $('#f-name').value.trim(),
                centerId: Number($('#f-centerId').value), roles: [$('#f-roles').value], windows});
            await staffView();
            showOneTime(s);
        } catch (e) { showError(add, e); }
    });
}

