// Clerks' and village agents' cases: the queue, a new application, the case page, receipt and notice.
import {$, esc} from '../dom.js';
import {W, ACTIONS, STATUS, HANDLING, LEVEL, lang, w, from, both, oneLanguage} from '../words.js';
import {session, api, basic, centers, centerName, forgetCenters} from '../api.js';
import {flash, showError, field, badge, alertBadge, when, render} from '../ui.js';
import {nav} from '../nav.js';

export async function queueView(params) {
    // only a known status from the address bar reaches the query
    const status = Object.keys(STATUS).includes(params.get('status')) ? params.get('status') : '';
    // R17: my windows now (as A, or standing in for an absent A); R16: the cases I took first
    const scope = ['mine', 'owned'].includes(params.get('scope')) ? params.get('scope') : '';
    const page = await api('GET', `/cases?size=100${status ? '&status=' + encodeURIComponent(status) : ''}${scope ? '&' + scope + '=true' : ''}`);
    const list = await centers();
    render(`<h1>${both('queue')}</h1>
      <div class="card no-print"><div class="row">${field('status', w('status'), `<select id="f-status"><option value="">${w('all')}</option>
        ${Object.keys(STATUS).map((s) => `<option value="${s}" ${s === status ? 'selected' : ''}>${esc(from(STATUS, s))}</option>`).join('')}</select>`)}
        ${field('scope', w('scope'), `<select id="f-scope"><option value="">${w('allOfCenter')}</option><option value="mine" ${scope === 'mine' ? 'selected' : ''}>${w('myWindows')}</option>
          <option value="owned" ${scope === 'owned' ? 'selected' : ''}>${w('firstInquiry')}</option></select>`)}
        <div class="field"><a href="#/new">${session.has('village-agent') ? w('newProxy') : w('newCase')}</a> · <a href="#/referral">${w('referral')}</a></div></div></div>
      ${page.items.length ? `<div class="table-wrap"><table id="queue"><thead><tr><th>${w('number')}</th><th>${w('item')}</th><th>${w('status')}</th>
        <th>${w('promisedDate')}</th><th class="wide">${w('center')}</th></tr></thead><tbody>
        ${page.items.map((c) => `<tr class="${esc(c.alertLevel || '')}"><td><a href="#/case/${esc(c.number)}">${esc(c.number)}</a>
          ${c.urgent ? `<span class="badge urgent">${w('urgent')}</span>` : ''} ${alertBadge(c.alertLevel)}</td>
          <td>${esc(c.itemName)}</td><td>${badge(c.status)}</td><td>${esc(c.promisedDate || '')}</td>
          <td class="wide">${esc(centerName(list, c.centerId))}</td></tr>`).join('')}</tbody></table></div>` : `<p class="card">${w('noCases')}</p>`}`);
    const go = () => { const q = new URLSearchParams(); if ($('#f-status').value) q.set('status', $('#f-status').value); if ($('#f-scope').value) q.set('scope', $('#f-scope').value); location.hash = '#/queue' + (q.toString() ? '?' + q : ''); };
    $('#f-status').addEventListener('change', go);
    $('#f-scope').addEventListener('change', go);
}

export async function newCaseView() {
    const me = session.me;
    const items = await api('GET', '/items?center=' + me.centerId, undefined, null);
    render(`<h1>${session.has('village-agent') ? both('newProxy') : both('newCase')}</h1>
      <form class="card" id="new-case" novalidate>
        ${field('itemCode', w('item'), `<select id="f-itemCode"><option value="">${w('choose')}</option>${items.map((it) => `<option value="${esc(it.code)}">${esc(it.code)} ${esc(lang === 'zh' ? it.name : it.nameEn || it.name)}</option>`).join('')}</select>`)}
        <div class="row">
          ${field('applicant.name', w('name'), '<input id="f-applicant.name" autocomplete="off">')}
          ${field('applicant.idType', w('idType'), `<select id="f-applicant.idType"><option value="RESIDENT_ID">居民身份证 Resident ID</option><option value="PASSPORT">护照 Passport</option><option value="USCC">统一社会信用代码 USCC</option><option value="OTHER">其他 Other</option></select>`)}
          ${field('applicant.idNumber', w('idNumber'), '<input id="f-applicant.idNumber" autocomplete="off">')}
          ${field('applicant.phone', w('phone'), '<input id="f-applicant.phone" type="tel" autocomplete="off">')}
        </div>
        <div class="field" data-field="materials"><span class="label"><strong>${w('materials')}</strong></span><div class="checks" id="materials"></div></div>
        <label class="check"><input type="checkbox" id="f-urgent"> ${w('urgent')}</label>
        <div class="actions"><button class="primary" type="submit">${w('submit')}</button></div>
      </form>`);
    const form = $('#new-case');
    const prefill = JSON.parse(sessionStorage.getItem('yzPrefill') || 'null');
    sessionStorage.removeItem('yzPrefill');
    $('#f-itemCode').addEventListener('change', () => {
        const it = items.find((x) => x.code === $('#f-itemCode').value);
        $('#materials').innerHTML = it ? it.materials.map((m) => `<label class="check"><input type="checkbox" name="m" value="${esc(m.code)}"> ${esc(m.name)}
            <span class="badge">${m.required ? w('required') : w('optional')}</span></label>`).join('') : '';
    });
    if (prefill) {
        // an appointment that arrived (R26): its name, phone and item start the case
        $('[id="f-applicant.name"]').value = prefill.name || '';
        $('[id="f-applicant.phone"]').value = prefill.phone || '';
        if (prefill.itemCode && items.some((x) => x.code === prefill.itemCode)) {
            $('#f-itemCode').value = prefill.itemCode;
            $('#f-itemCode').dispatchEvent(new Event('change'));
        }
    }
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        const body = {
            itemCode: $('#f-itemCode').value || null, centerId: me.centerId, urgent: $('#f-urgent').checked,
            applicant: {name: $('[id="f-applicant.name"]').value, idType: $('[id="f-applicant.idType"]').value,
                idNumber: $('[id="f-applicant.idNumber"]').value, phone: $('[id="f-applicant.phone"]').value || null},
            materials: [...form.querySelectorAll('input[name=m]:checked')].map((x) => x.value),
        };
        try {
            const c = await api('POST', '/cases', body);
            flash(`${c.number}: ${from(STATUS, c.status)}`);
            location.hash = '#/case/' + c.number;
        } catch (e) {
            showError(form, e);
        }
    });
}

/** What the case page offers in each status; the server decides who may (and says so). */
export const OFFER = {
    SUBMITTED: ['accept', 'not-accept'], AWAITING_SUPPLEMENT: ['supplement', 'not-accept', 'withdraw'],
    ACCEPTED: ['start-review', 'approve', 'deny', 'pause'], IN_REVIEW: ['approve', 'deny', 'pause'], PAUSED: ['resume', 'supplement'],
    APPROVED: ['deliver'], DENIED: ['deliver'],
};
export const NEEDS_REASON = new Set(['not-accept', 'deny', 'pause', 'withdraw']);

export async function caseView(number) {
    const [c, list] = await Promise.all([api('GET', '/cases/' + encodeURIComponent(number)), centers()]);
    const item = await api('GET', `/items/${encodeURIComponent(c.itemCode)}?version=${c.itemVersion}`, undefined, null).catch(() => null);
    const names = Object.fromEntries((item ? item.materials : []).map((m) => [m.code, m.name]));
    const mat = (codes) => codes.map((m) => names[m] || m).join('、');
    let verify = null;
    try { verify = await api('GET', `/cases/${encodeURIComponent(number)}/history/verify`); } catch (e) { verify = null; }
    const accept = c.history.find((h) => h.action === 'accept');
    const travelling = c.status === 'RELAYING';
    const replied = c.history.some((h) => h.action === 'reply') && (c.status === 'APPROVED' || c.status === 'DENIED');
    const offers = (OFFER[c.status] || []);
    render(`<h1>${esc(c.itemName)} <span class="en">${esc(c.number)}</span></h1>
      ${travelling ? `<p class="card" id="relay-note">${w('travelling')}</p>` : ''}
      ${replied && c.centerId === session.me.centerId && c.decidingCenterId !== c.centerId ? `<p class="card" id="reply-note">${w('decisionBack')}</p>` : ''}
      <div class="grid">
        <div class="card"><dl class="facts">
          <dt>${w('status')}</dt><dd id="case-status" data-status="${esc(c.status)}">${badge(c.status)} ${alertBadge(c.alertLevel)} ${c.urgent ? `<span class="badge urgent">${w('urgent')}</span>` : ''}</dd>
          <dt>${w('applicant')}</dt><dd>${esc(c.applicant.name)} · ${esc(c.applicant.idNumberMasked)}</dd>
          <dt>${w('center')}</dt><dd>${esc(centerName(list, c.centerId))}</dd>
          <dt>${w('decidingCenter')}</dt><dd>${esc(centerName(list, c.decidingCenterId))}</dd>
          <dt>${w('promisedDate')}</dt><dd>${esc(c.promisedDate || '—')} ${c.promisedDateEstimated ? w('estimated') : ''}</dd>
          <dt>${w('lookupCode')}</dt><dd>${esc(c.lookupCode)}</dd>
          <dt>${w('received')}</dt><dd>${esc(mat(c.materials))}</dd>
          ${c.missingMaterials.length ? `<dt>${w('missing')}</dt><dd id="missing">${esc(mat(c.missingMaterials))}</dd>` : ''}
        </dl>
        <div class="actions no-print">
          ${accept ? `<a class="act" href="#/case/${esc(c.number)}/receipt">${w('printReceipt')}</a>` : ''}
          ${c.noticeMaterials.length ? `<a class="act" href="#/case/${esc(c.number)}/notice">${w('printNotice')}</a>` : ''}
          ${['DELIVERED', 'DENIED', 'NOT_ACCEPTED'].includes(c.status) && !c.history.some((h) => h.action === 'rate') && session.has('clerk', 'village-agent')
            ? `<a class="act" id="rate-link" href="#/rate/${esc(c.number)}">${w('rateAtWindow')}</a>` : ''}
        </div></div>
        <div class="card no-print"><h2>${w('history')}</h2>
          ${verify ? `<p><span class="badge ${verify.valid ? 'ok' : 'RED'}" id="verified">${verify.valid ? '✓ ' + w('verified') : '✗ ' + w('broken')}</span></p>` : ''}
          <ol class="timeline" id="timeline">${c.history.map((h) => `<li data-action="${esc(h.action)}"><strong>${esc(from(ACTIONS, h.action))}</strong> ${h.to ? badge(h.to) : ''}
            <div class="meta">${esc(when(h.at))} · ${esc(h.actor)} · ${esc(centerName(list, h.centerId))}</div>
            ${h.reason ? `<div class="reason">${esc(oneLanguage(h.reason))}</div>` : ''}${h.data && h.data.receipt ? `<div class="meta">${esc(h.data.receipt)}</div>` : ''}</li>`).join('')}</ol></div>
      </div>
      ${offers.length ? `<form class="card no-print" id="act" novalidate><h2>${w('confirm')}</h2>
        <div class="actions">${offers.map((a) => `<button type="button" class="act ${a === 'deny' || a === 'not-accept' || a === 'withdraw' ? 'secondary' : ''}" data-action="${a}">${esc(from(ACTIONS, a))}</button>`).join('')}</div>
        <div id="act-form"></div></form>` : ''}`);
    const form = $('#act');
    if (!form) return;
    form.querySelectorAll('button[data-action]').forEach((b) => b.addEventListener('click', () => prepare(b.dataset.action)));
    function prepare(action) {
        const parts = [];
        if (NEEDS_REASON.has(action)) parts.push(field('reason', w('reason'), '<input id="f-reason" autocomplete="off">'));
        if (action === 'not-accept') {
            parts.push(field('data.kind', w('kind'), `<select id="f-kind"><option value="INCOMPLETE">材料不全 Incomplete</option><option value="NOT_ELIGIBLE">不符合条件 Not eligible</option>
              <option value="OTHER_WINDOW">属其他窗口 Another window</option><option value="OTHER_DEPARTMENT">属其他部门 Another department</option><option value="OTHER">其他 Other</option></select>`));
            parts.push(field('data.window', w('windowOf'), '<input id="f-window" placeholder="agriculture" autocomplete="off">'));
            parts.push(field('data.department', w('department'), '<input id="f-department" autocomplete="off">'));
        }
        if (action === 'pause') {
            parts.push(field('data.kind', w('kind'), `<select id="f-kind"><option value="SUPPLEMENT">补正 Supplement</option><option value="SITE_INSPECTION">现场勘验 Site inspection</option>
              <option value="EXPERT_REVIEW">专家评审 Expert review</option><option value="HEARING">听证 Hearing</option><option value="PUBLICATION">公示 Publication</option></select>`));
        }
        if (action === 'supplement') {
            parts.push(`<div class="field" data-field="materials"><strong>${w('materials')}</strong>${c.missingMaterials.map((m) => `<label class="check"><input type="checkbox" name="sm" value="${esc(m)}" checked> ${esc(names[m] || m)}</label>`).join('')}</div>`);
        }
        $('#act-form').innerHTML = `<div class="row">${parts.join('')}</div><div class="actions"><button class="primary" type="submit" data-do="${action}">${esc(from(ACTIONS, action))} · ${w('confirm')}</button></div>`;
        const first = $('#act-form input, #act-form select, #act-form button');
        if (first) first.focus();
    }
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        const action = ev.submitter ? ev.submitter.dataset.do : null;
        if (!action) return;
        const data = {};
        if ($('#f-kind')) data.kind = $('#f-kind').value;
        if ($('#f-window') && $('#f-window').value) data.window = $('#f-window').value;
        if ($('#f-department') && $('#f-department').value) data.department = $('#f-department').value;
        const body = {reason: $('#f-reason') ? $('#f-reason').value || null : null, data,
            materials: [...form.querySelectorAll('input[name=sm]:checked')].map((x) => x.value)};
        try {
            const after = await api('POST', `/cases/${encodeURIComponent(c.number)}/actions/${action}`, body);
            flash(`${from(ACTIONS, action)}: ${from(STATUS, after.status)}`);
            await caseView(c.number);
        } catch (e) {
            showError(form, e);
        }
    });
}

export async function receiptView(number) {
    const c = await api('GET', '/cases/' + encodeURIComponent(number));
    const list = await centers();
    const accept = c.history.find((h) => h.action === 'accept') || {data: {}};
    const village = !!accept.data.rightsAndDuties;
    const lookupUrl = `${location.origin}/#/lookup?number=${encodeURIComponent(c.number)}&code=${encodeURIComponent(c.lookupCode)}`;
    render(`<div class="doc" id="receipt"><h1>${village ? both('villageReceipt') : both('receipt')}</h1>
      <p>${esc(centerName(list, c.centerId))}</p>
      <dl class="facts">
        <dt>${w('number')}</dt><dd>${esc(c.number)}</dd><dt>${w('item')}</dt><dd>${esc(c.itemName)}</dd>
        <dt>${w('applicant')}</dt><dd>${esc(c.applicant.name)}</dd><dt>${w('acceptedAt')}</dt><dd>${esc(when(c.acceptedAt))}</dd>
        <dt>${w('promisedDate')}</dt><dd><strong>${esc(c.promisedDate)}</strong> ${c.promisedDateEstimated ? w('estimated') : ''}</dd>
        ${accept.data.relayDue ? `<dt>${w('relayDue')}</dt><dd>${esc(accept.data.relayDue)}</dd>` : ''}
        <dt>${w('decidingCenter')}</dt><dd>${esc(centerName(list, c.decidingCenterId))}</dd>
        <dt>${w('lookupCode')}</dt><dd><strong>${esc(c.lookupCode)}</strong></dd>
        <dt>${w('lookup')}</dt><dd>${esc(lookupUrl)}</dd>
      </dl>
      ${village ? `<h2>${both('rights')}</h2><p>${esc(accept.data.rightsAndDuties)}</p>` : ''}
      <div class="actions"><button class="act" type="button" onclick="window.print()">${w('print')}</button></div></div>`);
}

export async function noticeView(number) {
    const c = await api('GET', '/cases/' + encodeURIComponent(number));
    const item = await api('GET', `/items/${encodeURIComponent(c.itemCode)}?version=${c.itemVersion}`, undefined, null);
    const names = Object.fromEntries(item.materials.map((m) => [m.code, m.name]));
    const list = await centers();
    render(`<div class="doc" id="notice"><h1>${both('notice')}</h1>
      <p>${esc(c.applicant.name)}：</p><p>${w('noticeText')}</p>
      <ol id="notice-list">${c.noticeMaterials.map((m) => `<li>${esc(names[m] || m)}</li>`).join('')}</ol>
      <dl class="facts"><dt>${w('item')}</dt><dd>${esc(c.itemName)}</dd><dt>${w('number')}</dt><dd>${esc(c.number)}</dd>
        <dt>${w('center')}</dt><dd>${esc(centerName(list, c.centerId))}</dd><dt>${w('time')}</dt><dd>${esc(when(c.createdAt))}</dd></dl>
      <div class="actions"><button class="act" type="button" onclick="window.print()">${w('print')}</button></div></div>`);
}
