// The people at the windows: the whereabouts board (R18), one's presence, A/B posts (R17), a
// village room's duty roster (R25), booking a slot (R26) and the window's day of appointments.
import {$, esc} from '../dom.js';
import {WHEREABOUTS, lang, w, from, both} from '../words.js';
import {session, api, centers, centerName, windowNames} from '../api.js';
import {flash, showError, field, render, countyDay} from '../ui.js';

const person = (p) => p ? `${esc(p.name)} ${p.status === 'PRESENT' ? `<span class="badge ok">${w('present')}</span>`
    : `<span class="badge YELLOW">${esc(from(WHEREABOUTS, p.whereabouts))}${p.note ? '：' + esc(p.note) : ''}${p.until ? ' · ' + w('until') + ' ' + esc(p.until.replace('T', ' ')) : ''}</span>`}` : '';

/** The public board of a center: each window, who serves it now, who is away and where until when. */
export async function boardView(params) {
    const list = await centers();
    const id = Number(params.get('center')) || (session.me && session.me.centerId) || list.find((c) => c.level === 'TOWN').id;
    const b = await api('GET', `/public/centers/${esc(id)}/board`, undefined, null);
    render(`<h1>${both('board')}</h1>
      <div class="card no-print">${field('center', w('center'), `<select id="f-center">${list.map((c) => `<option value="${esc(c.id)}" ${c.id === id ? 'selected' : ''}>${esc(c.name)}</option>`).join('')}</select>`)}</div>
      ${b.onDuty !== undefined && b.onDuty !== null ? `<p class="card" id="on-duty">${w('onDuty')}：<strong>${esc(b.onDuty)}</strong></p>` : ''}
      <div class="card"><h2>${esc(b.centerName)}</h2><div class="table-wrap"><table id="board"><thead><tr><th>${w('window')}</th><th>${w('servedBy')}</th><th>${w('postA')}</th><th class="wide">${w('postB')}</th></tr></thead><tbody>
        ${b.windows.map((x) => `<tr class="${x.staffed ? '' : 'RED'}" data-window="${esc(x.windowType)}"><td>${esc(x.windowName)}</td>
          <td>${x.staffed ? esc(x.servedBy) : `<span class="badge RED">${w('nobody')}</span>`}</td><td>${person(x.a)}</td><td class="wide">${x.b.map(person).join('<br>')}</td></tr>`).join('')
          || `<tr><td colspan="4">${w('none')}</td></tr>`}</tbody></table></div></div>`);
    $('#f-center').addEventListener('change', () => { location.hash = '#/board?center=' + $('#f-center').value; });
}

/** The header's presence switch: one choice sets where one is (R18). */
export async function presenceSwitch(holder) {
    if (!session.has('clerk', 'town-admin', 'village-agent')) return;
    let p;
    try { p = await api('GET', '/me/presence'); } catch (e) { return; }
    const now = p.status === 'PRESENT' ? 'PRESENT' : p.whereabouts;
    holder.innerHTML = `<label class="presence"><span class="sr">${w('presence')}</span><select id="presence" aria-label="${esc(w('presence'))}">
      <option value="PRESENT">${w('present')}</option>${Object.keys(WHEREABOUTS).filter((k) => k !== 'OTHER').map((k) => `<option value="${k}">${esc(from(WHEREABOUTS, k))}</option>`).join('')}</select></label>`;
    const sel = $('#presence', holder);
    sel.value = now || 'PRESENT';
    sel.addEventListener('change', async () => {
        const body = sel.value === 'PRESENT' ? {status: 'PRESENT'} : {status: 'AWAY', whereabouts: sel.value};
        try { await api('PUT', '/me/presence', body); flash(`${w('presence')}: ${sel.options[sel.selectedIndex].text}`); } catch (e) { flash(e.message, true); }
    });
}

/** A town admin's editor of the center's posts: A and B per open window. */
export async function postsView() {
    const me = session.me;
    const [posts, windows, staff] = await Promise.all([api('GET', `/centers/${esc(me.centerId)}/posts`), api('GET', `/centers/${esc(me.centerId)}/windows`, undefined, null),
        api('GET', '/admin/staff')]);
    const clerks = staff.filter((s) => s.centerId === me.centerId && s.active && s.roles.includes('clerk'));
    const of = (t) => posts.find((p) => p.windowType === t) || {a: '', b: []};
    const pick = (id, value) => `<select id="${esc(id)}"><option value="">—</option>${clerks.map((c) => `<option value="${esc(c.username)}" ${c.username === value ? 'selected' : ''}>${esc(c.name)} (${esc(c.username)})</option>`).join('')}</select>`;
    const open = windows.filter((x) => x.enabled);
    render(`<h1>${both('posts')}</h1>
      <form class="card" id="posts" novalidate><div class="table-wrap"><table><thead><tr><th>${w('window')}</th><th>${w('postA')}</th><th>${w('postB')}</th><th>${w('chief')}</th></tr></thead><tbody>
        ${open.map((x, i) => `<tr><td>${esc(x.name)}</td><td>${field(`posts[${i}].a`, '', pick(`a-${i}`, of(x.type).a))}</td>
          <td>${field(`posts[${i}].b[0]`, '', pick(`b-${i}`, of(x.type).b[0] || ''))}</td><td>${field(`posts[${i}].chief`, '', pick(`c-${i}`, of(x.type).chief || ''))}</td></tr>`).join('')}</tbody></table></div>
        <button class="primary" type="submit">${w('save')}</button></form>`);
    const form = $('#posts');
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        const body = open.map((x, i) => ({windowType: x.type, a: $(`#a-${i}`).value, b: $(`#b-${i}`).value ? [$(`#b-${i}`).value] : [], chief: $(`#c-${i}`).value || null}))
            .filter((p) => p.a);
        try { await api('PUT', `/centers/${esc(me.centerId)}/posts`, body); flash(w('done')); } catch (e) { showError(form, e); }
    });
}

/** A village room's duty roster for the next two weeks: the agent or the town's admin fills in names. */
export async function rosterView(params) {
    const list = await centers();
    const me = session.me;
    const rooms = list.filter((c) => c.level === 'VILLAGE' && (c.id === me.centerId || c.parentId === me.centerId || session.has('county-admin')));
    const id = Number(params.get('center')) || (rooms[0] && rooms[0].id);
    const start = countyDay();
    const days = [...Array(14).keys()].map((k) => countyDay(new Date(Date.now() + k * 86400000)));
    const roster = await api('GET', `/centers/${esc(id)}/roster?from=${start}&to=${days[13]}`);
    const name = (d) => (roster.find((r) => r.date === d) || {}).name || '';
    render(`<h1>${both('roster')}</h1>
      <div class="card no-print">${field('center', w('center'), `<select id="f-center">${rooms.map((c) => `<option value="${esc(c.id)}" ${c.id === id ? 'selected' : ''}>${esc(c.name)}</option>`).join('')}</select>`)}</div>
      <form class="card" id="roster" novalidate><div class="table-wrap"><table><thead><tr><th>${w('date')}</th><th>${w('onDuty')}</th></tr></thead><tbody>
        ${days.map((d, i) => `<tr><td>${esc(d)}</td><td>${field(`days[${i}].name`, '', `<input id="d-${i}" maxlength="50" value="${esc(name(d))}">`)}</td></tr>`).join('')}</tbody></table></div>
        <button class="primary" type="submit">${w('save')}</button></form>`);
    $('#f-center').addEventListener('change', () => { location.hash = '#/roster?center=' + $('#f-center').value; });
    const form = $('#roster');
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        try { await api('PUT', `/centers/${esc(id)}/roster`, days.map((d, i) => ({date: d, name: $(`#d-${i}`).value}))); flash(w('done')); } catch (e) { showError(form, e); }
    });
}

/** The public books a slot: center, window, day, then a slot with places left; or cancels with the code and phone. */
export async function bookView(params) {
    const list = (await centers()).filter((c) => !c.closed);
    render(`<h1>${both('book')}</h1>
      <form class="card" id="book" novalidate><div class="row">
        ${field('centerId', w('center'), `<select id="f-centerId">${list.map((c) => `<option value="${esc(c.id)}">${esc(c.name)}</option>`).join('')}</select>`)}
        ${field('windowType', w('window'), '<select id="f-window"></select>')}
        ${field('date', w('date'), `<input id="f-date" type="date" value="${esc(countyDay(new Date(Date.now() + 86400000)))}">`)}
      </div><div id="slots" class="slots" data-field="slotStart" aria-live="polite"></div>
        <div class="row">${field('name', w('name'), '<input id="f-name" maxlength="50" autocomplete="name">')}${field('phone', w('phone'), '<input id="f-phone" maxlength="20" autocomplete="tel">')}</div>
        <label class="check"><input type="checkbox" id="f-urgent"> ${w('urgentMatter')}</label>
        <button class="primary" type="submit">${w('bookIt')}</button></form>
      <div id="booked" aria-live="polite"></div>
      <form class="card" id="cancel" novalidate><h2>${both('cancelBooking')}</h2><div class="row">
        ${field('code', w('bookingCode'), '<input id="f-code" maxlength="12" autocomplete="off">')}${field('cancelPhone', w('phone'), '<input id="f-cphone" maxlength="20">')}
        <div class="field"><button class="act" type="submit">${w('cancel')}</button></div></div></form>`);
    const form = $('#book');
    let slot = null;
    const loadWindows = async () => {
        const ws = (await api('GET', `/centers/${$('#f-centerId').value}/windows`, undefined, null)).filter((x) => x.enabled);
        $('#f-window').innerHTML = ws.map((x) => `<option value="${esc(x.type)}">${esc(lang === 'zh' ? x.name : x.nameEn || x.name)}</option>`).join('');
    };
    const loadSlots = async () => {
        slot = null;
        try {
            const slots = await api('GET', `/public/centers/${$('#f-centerId').value}/slots?date=${encodeURIComponent($('#f-date').value)}&window=${encodeURIComponent($('#f-window').value)}`, undefined, null);
            showError(form, {problem: {errors: []}});
            $('#slots').innerHTML = slots.map((s) => `<button type="button" class="slot" data-start="${esc(s.start)}" ${s.left ? '' : 'disabled'}>${esc(s.start.slice(11))}–${esc(s.end.slice(11))}<br><small>${w('left')} ${esc(s.left)}</small></button>`).join('');
            form.querySelectorAll('.slot').forEach((b) => b.addEventListener('click', () => {
                slot = b.dataset.start;
                form.querySelectorAll('.slot').forEach((x) => x.setAttribute('aria-pressed', String(x === b)));
            }));
        } catch (e) { $('#slots').innerHTML = ''; showError(form, e.problem && e.problem.field === 'date' ? e : {problem: {field: 'date', detail: e.problem && e.problem.detail, detailZh: e.problem && e.problem.detailZh}, message: e.message}); }
    };
    $('#f-centerId').addEventListener('change', async () => { await loadWindows(); await loadSlots(); });
    $('#f-window').addEventListener('change', loadSlots);
    $('#f-date').addEventListener('change', loadSlots);
    if (params.get('center')) $('#f-centerId').value = params.get('center');
    await loadWindows();
    await loadSlots();
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        try {
            const a = await api('POST', '/public/appointments', {centerId: Number($('#f-centerId').value), windowType: $('#f-window').value,
                slotStart: slot, name: $('#f-name').value, phone: $('#f-phone').value, urgent: $('#f-urgent').checked}, null);
            $('#booked').innerHTML = `<div class="card" id="booking"><p>${w('bookedOk')}</p><dl class="facts"><dt>${w('bookingCode')}</dt><dd id="booking-code">${esc(a.code)}</dd>
              <dt>${w('time')}</dt><dd>${esc(a.slotStart.replace('T', ' '))}–${esc(a.slotEnd.slice(11))}</dd></dl></div>`;
            await loadSlots();
        } catch (e) { showError(form, e); }
    });
    const cancel = $('#cancel');
    cancel.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        try {
            await api('DELETE', `/public/appointments/${encodeURIComponent($('#f-code').value.trim())}?phone=${encodeURIComponent($('#f-cphone').value.trim())}`, undefined, null);
            flash(w('cancelled'));
            await loadSlots();
        } catch (e) { showError(cancel, e.status === 404 ? {problem: {field: 'code', detail: e.problem.detail, detailZh: e.problem.detailZh}, message: e.message} : e); }
    });
}

/** The window's day: who booked when; mark arrivals (then take their case) and no-shows. */
export async function appointmentsView(params) {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') || '') ? params.get('date') : countyDay();
    const [items, list] = await Promise.all([api('GET', '/appointments?date=' + day), centers()]);
    const windows = await windowNames(items.map((a) => a.centerId));
    render(`<h1>${both('appointments')}</h1>
      <form class="card no-print row" id="day">${field('date', w('date'), `<input id="f-date" type="date" value="${esc(day)}">`)}<div class="field"><button class="primary" type="submit">${w('show')}</button></div></form>
      <div class="card"><div class="table-wrap"><table id="appointments"><thead><tr><th>${w('time')}</th><th>${w('window')}</th><th>${w('name')}</th><th>${w('phone')}</th><th>${w('status')}</th><th class="no-print"></th></tr></thead><tbody>
        ${items.map((a) => `<tr data-code="${esc(a.code)}"><td>${esc(a.slotStart.slice(11))}${a.urgent ? ` <span class="badge urgent">${w('urgent')}</span>` : ''}</td><td>${esc(from(windows, a.windowType))} · ${esc(centerName(list, a.centerId))}</td>
          <td>${esc(a.name)}</td><td>${esc(a.phone)}</td><td><span class="badge">${esc(a.status)}</span></td>
          <td class="no-print">${a.status === 'BOOKED' ? `<button type="button" class="act small" data-arrive="${esc(a.code)}">${w('arrived')}</button> <button type="button" class="act small secondary" data-noshow="${esc(a.code)}">${w('noShow')}</button>` : ''}</td></tr>`).join('')
          || `<tr><td colspan="6">${w('none')}</td></tr>`}</tbody></table></div></div>`);
    $('#day').addEventListener('submit', (ev) => { ev.preventDefault(); location.hash = '#/appointments?date=' + $('#f-date').value; });
    document.querySelectorAll('[data-arrive]').forEach((b) => b.addEventListener('click', async () => {
        try {
            const a = await api('POST', `/appointments/${encodeURIComponent(b.dataset.arrive)}/actions/arrive`, {});
            // the arrival becomes a case: the new-case form starts with their name and item
            sessionStorage.setItem('yzPrefill', JSON.stringify({name: a.name, phone: a.phone, itemCode: a.itemCode}));
            location.hash = '#/new';
        } catch (e) { flash(e.message, true); }
    }));
    document.querySelectorAll('[data-noshow]').forEach((b) => b.addEventListener('click', async () => {
        try { await api('POST', `/appointments/${encodeURIComponent(b.dataset.noshow)}/actions/no-show`, {}); await appointmentsView(params); } catch (e) { flash(e.message, true); }
    }));
}

/** R11, R16: a printable referral slip to the window that handles the matter, recorded in the ledger. */
export async function referralView() {
    const list = (await centers()).filter((c) => !c.closed);
    const me = session.me;
    render(`<h1>${both('referral')}</h1>
      <form class="card no-print" id="referral" novalidate><div class="row">
        ${field('centerId', w('referTo'), `<select id="f-centerId">${list.map((c) => `<option value="${esc(c.id)}" ${c.id === me.centerId ? 'selected' : ''}>${esc(c.name)}</option>`).join('')}</select>`)}
        ${field('windowType', w('window'), '<select id="f-window"></select>')}
        ${field('visitorName', w('visitorOpt'), '<input id="f-visitor" maxlength="50">')}</div>
        ${field('note', w('noteOpt'), '<textarea id="f-note" rows="2" maxlength="500"></textarea>')}
        <button class="primary" type="submit">${w('issue')}</button></form>
      <div id="slip"></div>`);
    const form = $('#referral');
    const load = async () => {
        const ws = (await api('GET', `/centers/${$('#f-centerId').value}/windows`, undefined, null)).filter((x) => x.enabled);
        $('#f-window').innerHTML = ws.map((x) => `<option value="${esc(x.type)}">${esc(lang === 'zh' ? x.name : x.nameEn || x.name)}</option>`).join('');
    };
    $('#f-centerId').addEventListener('change', load);
    await load();
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        try {
            const r = await api('POST', '/referrals', {centerId: Number($('#f-centerId').value), windowType: $('#f-window').value,
                visitorName: $('#f-visitor').value || null, note: $('#f-note').value || null});
            showError(form, {problem: {errors: []}});
            $('#slip').innerHTML = `<article class="card letter" id="referral-slip"><h2>${both('slipTitle')} <span class="muted">No. ${esc(r.id)}</span></h2>
              ${r.visitorName ? `<p>${esc(r.visitorName)}：</p>` : ''}<p>${w('slipText')}</p>
              <p class="big"><strong>${esc(r.toCenterName)} · ${esc(r.windowName)}</strong>${r.itemName ? ' · ' + esc(r.itemName) : ''}</p>
              ${r.note ? `<p>${esc(r.note)}</p>` : ''}<p class="muted">${esc(r.fromCenterName)} · ${esc(r.staff)} · ${esc(r.at.slice(0, 10))}</p></article>
              <p class="no-print"><button type="button" class="act" id="print-slip">${w('print')}</button></p>`;
            $('#print-slip').addEventListener('click', () => window.print());
        } catch (e) { showError(form, e); }
    });
}
