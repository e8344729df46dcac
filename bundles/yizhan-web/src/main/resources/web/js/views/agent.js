// The village room's ledger (R5).
import {$, esc} from '../dom.js';
import {W, ACTIONS, STATUS, HANDLING, LEVEL, lang, w, from, both} from '../words.js';
import {session, api, basic, centers, centerName, forgetCenters} from '../api.js';
import {flash, showError, field, badge, alertBadge, when, render} from '../ui.js';
import {nav} from '../nav.js';

export async function ledgerView() {
    const me = session.me;
    const entries = await api('GET', `/centers/${me.centerId}/ledger?size=200`);
    render(`<h1>${both('ledger')}</h1>
      <form class="card" id="consult" novalidate><h2>${w('register')}</h2><div class="row">
        ${field('visitorName', w('visitor'), '<input id="f-visitorName" autocomplete="off">')}
        ${field('itemCode', w('item'), '<input id="f-itemCode" autocomplete="off">')}
        ${field('note', w('note'), '<input id="f-note" autocomplete="off">')}
        <div class="field"><button class="primary" type="submit">${w('submit')}</button></div></div></form>
      <div class="table-wrap"><table id="ledger"><thead><tr><th>${w('time')}</th><th>${w('kind')}</th><th>${w('visitor')}</th><th>${w('caseCol')}</th><th class="wide">${w('note')}</th></tr></thead>
      <tbody>${entries.map((e) => `<tr><td>${esc(when(new Date(e.atMillis).toISOString()))}</td><td>${esc(e.kind)}</td><td>${esc(e.visitorName)}</td>
        <td>${e.caseNumber ? `<a href="#/case/${esc(e.caseNumber)}">${esc(e.caseNumber)}</a>` : esc(e.itemCode || '')}</td><td class="wide">${esc(e.note || '')}</td></tr>`).join('')}</tbody></table></div>`);
    const form = $('#consult');
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        try {
            await api('POST', `/centers/${me.centerId}/ledger`, {visitorName: $('#f-visitorName').value, itemCode: $('#f-itemCode').value || null, note: $('#f-note').value});
            flash(w('done'));
            await ledgerView();
        } catch (e) { showError(form, e); }
    });
}
