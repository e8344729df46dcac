// The public's pages (guide, item, lookup) and signing in, with the forced password change.
import {$, esc} from '../dom.js';
import {W, ACTIONS, STATUS, HANDLING, LEVEL, lang, w, from, both} from '../words.js';
import {session, api, signIn, centers, centerName, forgetCenters, windowNames} from '../api.js';
import {flash, showError, field, badge, alertBadge, when, render} from '../ui.js';
import {nav} from '../nav.js';
import {publicRating, wirePublicRating} from './feedback.js';

export async function guideView() {
    const list = await centers();
    const chosen = Number(sessionStorage.getItem('yzGuideCenter') || (session.me && session.me.centerId) || list[0].id);
    render(`<h1>${both('guide')}</h1>
      <div class="card no-print"><div class="row">
        ${field('center', w('center'), `<select id="f-center">${list.map((c) => `<option value="${c.id}" ${c.id === chosen ? 'selected' : ''}>${esc(c.name)} (${esc(c.code)})</option>`).join('')}</select>`)}
        ${field('q', w('search'), `<input id="f-q" type="search" autocomplete="off">`)}
      </div></div>
      <div id="items" aria-live="polite">${w('loading')}</div>`);
    const show = async () => {
        const center = Number($('#f-center').value);
        sessionStorage.setItem('yzGuideCenter', center);
        const [items, windows] = await Promise.all([api('GET', '/items?center=' + center, undefined, null), windowNames([center])]);
        const q = $('#f-q').value.trim().toLowerCase();
        const hits = items.filter((it) => !q || (it.name + it.nameEn + it.code).toLowerCase().includes(q));
        $('#items').innerHTML = `<div class="table-wrap"><table><thead><tr><th>${esc(w('item'))}</th><th>${esc(w('handling'))}</th><th>${esc(w('promisedDays'))}</th><th class="wide">${esc(w('window'))}</th></tr></thead><tbody>
          ${hits.map((it) => `<tr><td><a href="#/item/${esc(it.code)}">${esc(lang === 'zh' ? it.name : it.nameEn || it.name)}</a> <span class="muted">${esc(it.code)}</span></td>
            <td>${esc(from(HANDLING, it.handlingClass))}</td><td>${it.promisedDays} ${w('workingDays')}</td><td class="wide">${esc(from(windows, it.windowType))}</td></tr>`).join('')}
        </tbody></table></div>`;
    };
    $('#f-center').addEventListener('change', show);
    $('#f-q').addEventListener('input', show);
    await show();
}

export async function itemView(code) {
    const it = await api('GET', '/items/' + encodeURIComponent(code), undefined, null);
    const fee = it.fee && it.fee.amountFen > 0 ? `${esc(it.fee.standard)}` : w('free');
    render(`<h1>${esc(it.name)} <span class="en">${esc(it.nameEn || '')}</span></h1>
      <div class="card"><dl class="facts">
        <dt>${w('item')}</dt><dd>${esc(it.code)} · v${it.version}</dd>
        <dt>${w('body')}</dt><dd>${esc(it.implementingBody)}</dd>
        <dt>${w('basis')}</dt><dd>${esc(it.legalBasis)}</dd>
        <dt>${w('conditions')}</dt><dd>${esc(it.conditions)}</dd>
        <dt>${w('procedure')}</dt><dd>${esc(it.procedure)}</dd>
        <dt>${w('handling')}</dt><dd>${esc(from(HANDLING, it.handlingClass))}</dd>
        <dt>${w('promisedDays')}</dt><dd>${it.promisedDays} ${w('workingDays')}（${w('legalDays')} ${it.legalDays} ${w('workingDays')}）</dd>
        <dt>${w('acceptAt')}</dt><dd>${it.acceptLevels.map((l) => esc(from(LEVEL, l))).join('、')}</dd>
        <dt>${w('decideAt')}</dt><dd>${esc(from(LEVEL, it.decideLevel))}</dd>
        <dt>${w('fee')}</dt><dd>${fee}</dd>
        ${it.fee && it.fee.basis ? `<dt>${w('feeBasis')}</dt><dd>${esc(it.fee.basis)}</dd>` : ''}
        ${it.contact ? `<dt>${w('contact')}</dt><dd>${esc(it.contact)}</dd>` : ''}
      </dl></div>
      <div class="card"><h2>${both('checklist')}</h2>
        <ul>${it.materials.map((m) => `<li><label class="check"><input type="checkbox"> ${esc(m.name)} <span class="badge">${m.required ? w('required') : w('optional')}</span></label></li>`).join('')}</ul>
        <div class="actions"><button class="act" type="button" onclick="window.print()">${w('print')}</button></div>
      </div>`);
}

export async function lookupView(params) {
    render(`<h1>${both('lookup')}</h1>
      <form class="card" id="lookup" novalidate><div class="row">
        ${field('number', w('number'), `<input id="f-number" required value="${esc(params.get('number') || '')}" autocomplete="off">`)}
        ${field('lookupCode', w('lookupCode'), `<input id="f-lookupCode" required value="${esc(params.get('code') || '')}" autocomplete="off">`)}
        <div class="field"><button class="primary" type="submit">${w('find')}</button></div>
      </div></form><div id="result" aria-live="polite"></div>`);
    const form = $('#lookup');
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        try {
            const c = await api('GET', `/public/cases/${encodeURIComponent($('#f-number').value.trim())}?lookupCode=${encodeURIComponent($('#f-lookupCode').value.trim())}`, undefined, null);
            showError(form, {problem: {errors: []}});
            $('#result').innerHTML = `<div class="card" id="public-case"><h2>${esc(c.itemName)} · ${esc(c.number)}</h2><dl class="facts">
                <dt>${w('status')}</dt><dd>${badge(c.status)}</dd>
                <dt>${w('applicant')}</dt><dd>${esc(c.applicantMasked)}</dd>
                <dt>${w('acceptedAt')}</dt><dd>${esc(when(c.acceptedAt))}</dd>
                <dt>${w('promisedDate')}</dt><dd>${esc(c.promisedDate || '')} ${c.promisedDateEstimated ? w('estimated') : ''}</dd>
                <dt>${w('received')}</dt><dd>${esc(c.materialsReceived.join('、'))}</dd>
                ${c.missingMaterials.length ? `<dt>${w('missing')}</dt><dd>${esc(c.missingMaterials.join('、'))}</dd>` : ''}
              </dl><h2>${w('history')}</h2><ol class="timeline">${c.history.map((h) => `<li><strong>${esc(from(ACTIONS, h.action))}</strong>
                 ${h.to ? badge(h.to) : ''}<div class="meta">${esc(when(h.at))} · ${esc(h.centerName || '')}</div></li>`).join('')}</ol></div>
              ${publicRating(c)}`;
            wirePublicRating(c, $('#f-lookupCode').value.trim());
        } catch (e) {
            $('#result').innerHTML = '';
            showError(form, e.status === 404 ? {problem: {field: 'lookupCode', detail: e.problem.detail, detailZh: e.problem.detailZh}, message: e.message} : e);
        }
    });
    if (params.get('number') && params.get('code')) form.requestSubmit();
}

export async function loginView() {
    render(`<h1>${both('login')}</h1>
      <form class="card narrow" id="login" novalidate>
        ${field('user', w('user'), '<input id="f-user" autocomplete="username" required>')}
        ${field('password', w('password'), '<input id="f-password" type="password" autocomplete="current-password" required>')}
        <button class="primary" type="submit">${w('signIn')}</button>
      </form>`);
    const form = $('#login');
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        try {
            const me = await signIn($('#f-user').value.trim(), $('#f-password').value);
            nav();
            location.hash = me.mustChangePassword ? '#/password' : homeOf(me);
        } catch (e) {
            showError(form, e.status === 401 ? {problem: {field: 'password', detail: W.badLogin[1], detailZh: W.badLogin[0]}, message: w('badLogin')} : e);
        }
    });
}

/** The own password: forced while a one-time password is pending (every other call answers 403 until then). */
export async function passwordView() {
    const me = session.me;
    render(`<h1>${both('changePassword')}</h1>
      ${me.mustChangePassword ? `<p class="card" role="alert">${w('mustChange')}</p>` : ''}
      <form class="card narrow" id="password" novalidate>
        ${field('oldPassword', w('oldPassword'), '<input id="f-oldPassword" type="password" autocomplete="current-password" required>')}
        ${field('newPassword', w('newPassword'), '<input id="f-newPassword" type="password" autocomplete="new-password" minlength="10" required>')}
        ${field('repeat', w('repeatPassword'), '<input id="f-repeat" type="password" autocomplete="new-password" required>')}
        <button class="primary" type="submit">${w('changePassword')}</button>
      </form>`);
    const form = $('#password');
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        const next = $('#f-newPassword').value;
        if (next !== $('#f-repeat').value) { showError(form, {problem: {field: 'repeat', detail: W.mismatch[1], detailZh: W.mismatch[0]}, message: w('mismatch')}); return; }
        try {
            await api('POST', '/me/password', {oldPassword: $('#f-oldPassword').value, newPassword: next});
            // the change ended every session of the account: a new one with the new password
            const fresh = await signIn(me.user, next);
            flash(w('done'));
            nav();
            location.hash = homeOf(fresh);
        } catch (e) { showError(form, e); }
    });
}

export function homeOf(me) {
    if (me.roles.includes('supervisor')) return '#/supervision';
    if (me.roles.includes('county-admin')) return '#/network';
    if (me.roles.includes('town-admin')) return '#/windows';
    return '#/queue';
}
