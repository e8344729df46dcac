// The public's voice: rating a finished case (R21), complaints (R22), the rectification of bad
// ratings (R21) and the published assessments (R28).
import {$, esc} from '../dom.js';
import {ACTIONS, RATING, INDICATORS, CATEGORY, FEEDBACK_STATUS, w, from, both, oneLanguage} from '../words.js';
import {session, api, centers, centerName, windowNames} from '../api.js';
import {flash, showError, field, alertBadge, when, render} from '../ui.js';

const LEVELS = ['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED'];
const STARS = {VERY_SATISFIED: '★★★★★', SATISFIED: '★★★★', BASICALLY_SATISFIED: '★★★', DISSATISFIED: '★★', VERY_DISSATISFIED: '★'};
const status = (s) => `<span class="badge">${esc(from(FEEDBACK_STATUS, s))}</span>`;
const timeline = (steps) => `<ol class="timeline">${steps.map((h) => `<li data-action="${esc(h.action)}"><strong>${esc(from(ACTIONS, h.action))}</strong>
    ${h.to ? status(h.to) : ''}<div class="meta">${esc(when(h.at))} · ${esc(h.actor)}</div>${h.text ? `<div>${esc(oneLanguage(h.text))}</div>` : ''}</li>`).join('')}</ol>`;

/** The five levels as large buttons, Chinese first, and the optional aspects and comment. */
function ratingForm(id) {
    return `<form class="card rating no-print" id="${esc(id)}" novalidate><h2>${both('rateTitle')}</h2><p>${w('rateHint')}</p>
      <div class="faces" role="radiogroup" data-field="level">${LEVELS.map((l) => `<button type="button" class="face" role="radio" aria-checked="false" data-level="${l}">
        <span class="stars" aria-hidden="true">${STARS[l]}</span><span>${esc(RATING[l][0])}</span><span class="en">${esc(RATING[l][1])}</span></button>`).join('')}</div>
      <details><summary>${w('indicator')}</summary><div class="row">${Object.keys(INDICATORS).map((k) => field('indicators.' + k, esc(from(INDICATORS, k)),
        `<select id="f-indicators.${k}" data-indicator="${k}"><option value="">—</option>${LEVELS.map((l) => `<option value="${l}">${esc(from(RATING, l))}</option>`).join('')}</select>`)).join('')}</div></details>
      ${field('comment', w('comment'), '<textarea id="f-comment" maxlength="500" rows="2"></textarea>')}
      <button class="primary" type="submit">${w('submit')}</button></form>`;
}

/** Wires a rating form: the chosen level, then POST to {@code path}; {@code done} gets the rating. */
function wireRating(form, path, done) {
    let level = null;
    form.querySelectorAll('.face').forEach((b) => b.addEventListener('click', () => {
        level = b.dataset.level;
        form.querySelectorAll('.face').forEach((x) => x.setAttribute('aria-checked', String(x === b)));
    }));
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        const indicators = {};
        form.querySelectorAll('select[data-indicator]').forEach((s) => { if (s.value) indicators[s.dataset.indicator] = s.value; });
        try {
            const r = await api('POST', path, {level, indicators, comment: $('#f-comment', form).value.trim() || null}, path.startsWith('/public') ? null : session.auth);
            done(r);
        } catch (e) { showError(form, e); }
    });
}

/** On the public case page (R30): the rating of a finished case, or the rating it has. */
export function publicRating(c) {
    if (c.rating) return `<p class="card" id="rating-done">${w('rated')}：${esc(from(RATING, c.rating))} ${esc(STARS[c.rating] || '')}</p>`;
    return c.rateable ? ratingForm('rate-public') : '';
}

/** Wires the public rating form once it is on the page. */
export function wirePublicRating(c, code) {
    const form = $('#rate-public');
    if (form) wireRating(form, `/public/cases/${encodeURIComponent(c.number)}/rating?lookupCode=${encodeURIComponent(code)}`, (r) => {
        form.outerHTML = `<p class="card" id="rating-done">${w('thanks')} ${esc(from(RATING, r.level))} ${esc(STARS[r.level])}</p>`;
    });
}

/** The screen a clerk turns to the applicant at the window: large buttons, no other navigation. */
export async function rateWindowView(number) {
    const c = await api('GET', '/cases/' + encodeURIComponent(number));
    document.body.classList.add('kiosk');
    render(`<h1>${esc(c.itemName)} <span class="en">${esc(c.number)}</span></h1>${ratingForm('rate-window')}
      <p class="no-print"><a href="#/case/${esc(c.number)}" id="back">${w('backToCase')}</a></p>`);
    wireRating($('#rate-window'), `/cases/${encodeURIComponent(c.number)}/rating`, (r) => {
        $('#rate-window').outerHTML = `<p class="card thanks" id="rating-done">${w('thanks')}<br>${esc(from(RATING, r.level))} ${esc(STARS[r.level])}</p>`;
    });
}

// ------------------------------------------------------------------ complaints

/** The public's complaint page: file one (written), or follow one with its number and lookup code. */
export async function publicComplaintView(params) {
    const list = await centers();
    render(`<h1>${both('fileComplaint')}</h1>
      <form class="card" id="complaint" novalidate><div class="row">
        ${field('category', w('category'), `<select id="f-category"><option value="">${w('choose')}</option>${Object.keys(CATEGORY).map((k) => `<option value="${k}">${esc(from(CATEGORY, k))}</option>`).join('')}</select>`)}
        ${field('centerId', w('center'), `<select id="f-centerId">${list.filter((c) => !c.closed).map((c) => `<option value="${esc(c.id)}">${esc(c.name)} (${esc(c.code)})</option>`).join('')}</select>`)}
        ${field('caseNumber', w('caseNumberOpt'), '<input id="f-caseNumber" autocomplete="off" maxlength="40">')}
        ${field('staff', w('staffOpt'), '<input id="f-staff" autocomplete="off" maxlength="64">')}
      </div>
        ${field('text', w('complaintText'), '<textarea id="f-text" rows="4" maxlength="2000"></textarea>')}
        <div class="row">${field('complainant.name', w('name'), '<input id="f-name" autocomplete="name" maxlength="50">')}
        ${field('complainant.phone', w('phone'), '<input id="f-phone" autocomplete="tel" maxlength="20">')}</div>
        <button class="primary" type="submit">${w('submit')}</button></form>
      <div id="filed" aria-live="polite"></div>
      <h2>${both('complaintLookup')}</h2>
      <form class="card" id="complaint-lookup" novalidate><div class="row">
        ${field('number', w('complaintNumber'), `<input id="f-cnumber" autocomplete="off" value="${esc(/^[A-Z0-9-]{1,20}$/.test(params.get('number') || '') ? params.get('number') : '')}">`)}
        ${field('lookupCode', w('lookupCode'), '<input id="f-ccode" autocomplete="off">')}
        <div class="field"><button class="primary" type="submit">${w('find')}</button></div></div></form>
      <div id="complaint-status" aria-live="polite"></div>`);
    const form = $('#complaint');
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        const body = {category: $('#f-category').value || null, centerId: Number($('#f-centerId').value), text: $('#f-text').value,
            caseNumber: $('#f-caseNumber').value.trim() || null, staff: $('#f-staff').value.trim() || null,
            complainant: {name: $('#f-name').value.trim(), phone: $('#f-phone').value.trim()}};
        try {
            const c = await api('POST', '/public/complaints', body, null);
            showError(form, {problem: {errors: []}});
            form.reset();
            $('#filed').innerHTML = `<div class="card" id="filed-complaint"><p>${w('filed')}</p><dl class="facts">
              <dt>${w('complaintNumber')}</dt><dd id="filed-number">${esc(c.number)}</dd><dt>${w('lookupCode')}</dt><dd id="filed-code">${esc(c.lookupCode)}</dd>
              <dt>${w('dueDate')}</dt><dd>${esc(c.dueDate.dueDate)}</dd></dl></div>`;
        } catch (e) { showError(form, e); }
    });
    const look = $('#complaint-lookup');
    look.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        try {
            const c = await api('GET', `/public/complaints/${encodeURIComponent($('#f-cnumber').value.trim())}?lookupCode=${encodeURIComponent($('#f-ccode').value.trim())}`, undefined, null);
            showError(look, {problem: {errors: []}});
            $('#complaint-status').innerHTML = `<div class="card" id="public-complaint"><dl class="facts">
              <dt>${w('complaintNumber')}</dt><dd>${esc(c.number)}</dd><dt>${w('category')}</dt><dd>${esc(from(CATEGORY, c.category))}</dd>
              <dt>${w('status')}</dt><dd>${status(c.status)}</dd><dt>${w('dueDate')}</dt><dd>${esc(c.dueDate.dueDate)}</dd>
              ${c.answer ? `<dt>${w('answer')}</dt><dd>${esc(c.answer)}（${esc(c.answeredOn)}）</dd>` : ''}</dl></div>`;
        } catch (e) {
            $('#complaint-status').innerHTML = '';
            showError(look, e.status === 404 ? {problem: {field: 'lookupCode', detail: e.problem.detail, detailZh: e.problem.detailZh}, message: e.message} : e);
        }
    });
}

/** The complaint office's queue, and recording an oral or written complaint. */
export async function complaintsView() {
    const [items, list] = await Promise.all([api('GET', '/complaints'), centers()]);
    const office = session.has('supervisor', 'county-admin');
    render(`<h1>${both('complaints')}</h1>
      <div class="card"><div class="table-wrap"><table id="complaints"><thead><tr><th>${w('complaintNumber')}</th><th>${w('category')}</th><th>${w('form')}</th>
        <th>${w('center')}</th><th>${w('status')}</th><th>${w('dueDate')}</th></tr></thead><tbody>
        ${items.map((c) => `<tr class="${esc(c.alertLevel || '')}"><td><a href="#/complaints/${esc(c.number)}">${esc(c.number)}</a> ${alertBadge(c.alertLevel)}</td>
          <td>${esc(from(CATEGORY, c.category))}</td><td>${esc(c.form === 'ORAL' ? w('oral') : w('written'))}</td><td>${esc(centerName(list, c.centerId))}</td>
          <td>${status(c.status)}</td><td>${esc(c.dueDate.dueDate)}</td></tr>`).join('') || `<tr><td colspan="6">${w('none')}</td></tr>`}</tbody></table></div></div>
      ${office ? `<form class="card no-print" id="record" novalidate><h2>${both('recordComplaint')}</h2><div class="row">
        ${field('category', w('category'), `<select id="f-category"><option value="">${w('choose')}</option>${Object.keys(CATEGORY).map((k) => `<option value="${k}">${esc(from(CATEGORY, k))}</option>`).join('')}</select>`)}
        ${field('form', w('form'), `<select id="f-form"><option value="ORAL">${w('oral')}</option><option value="WRITTEN">${w('written')}</option></select>`)}
        ${field('centerId', w('center'), `<select id="f-centerId">${list.map((c) => `<option value="${esc(c.id)}">${esc(c.name)}</option>`).join('')}</select>`)}
        ${field('caseNumber', w('caseNumberOpt'), '<input id="f-caseNumber" maxlength="40">')}</div>
        <label class="check" data-field="serious"><input type="checkbox" id="f-serious"> ${w('serious')}</label>
        ${field('text', w('complaintText'), '<textarea id="f-text" rows="3" maxlength="2000"></textarea>')}
        <div class="row">${field('complainant.name', w('complainant'), '<input id="f-name" maxlength="50">')}${field('complainant.phone', w('phone'), '<input id="f-phone" maxlength="20">')}</div>
        <button class="primary" type="submit">${w('submit')}</button></form>` : ''}`);
    const form = $('#record');
    if (form) form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        try {
            const c = await api('POST', '/complaints', {category: $('#f-category').value || null, form: $('#f-form').value, serious: $('#f-serious').checked,
                centerId: Number($('#f-centerId').value), caseNumber: $('#f-caseNumber').value.trim() || null, text: $('#f-text').value,
                complainant: {name: $('#f-name').value.trim(), phone: $('#f-phone').value.trim() || null}});
            flash(`${w('done')}: ${c.number}`);
            location.hash = '#/complaints/' + encodeURIComponent(c.number);
        } catch (e) { showError(form, e); }
    });
}

/** One complaint: its facts, its steps, the office's next action and the written answer to print. */
export async function complaintView(number) {
    const [c, list] = await Promise.all([api('GET', '/complaints/' + encodeURIComponent(number)), centers()]);
    const windows = await windowNames([c.centerId]);
    const forms = {
        answer: `${field('text', w('answer'), '<textarea id="f-text" rows="3" maxlength="2000"></textarea>')}
          <div class="row"><label class="check" data-field="upheld"><input type="radio" name="upheld" value="true"> ${w('upheld')}</label>
          <label class="check"><input type="radio" name="upheld" value="false"> ${w('notUpheld')}</label>
          <label class="check" data-field="onTheSpot"><input type="checkbox" id="f-spot"> ${w('onTheSpot')}</label></div>`,
        refer: `${field('agency', w('agency'), '<input id="f-agency" maxlength="200">')}${field('text', w('proposal'), '<textarea id="f-text" rows="3" maxlength="2000"></textarea>')}`,
        'follow-up': field('text', w('followUp'), '<textarea id="f-text" rows="3" maxlength="1000"></textarea>'),
    };
    render(`<h1>${esc(from(CATEGORY, c.category))} <span class="en">${esc(c.number)}</span></h1>
      <div class="grid"><div class="card"><dl class="facts">
        <dt>${w('status')}</dt><dd id="complaint-status" data-status="${esc(c.status)}">${status(c.status)} ${alertBadge(c.alertLevel)}</dd>
        <dt>${w('form')}</dt><dd>${esc(c.form === 'ORAL' ? w('oral') : w('written'))}${c.serious ? ' · ' + w('serious') : ''}</dd>
        <dt>${w('center')}</dt><dd>${esc(centerName(list, c.centerId))}${c.windowType ? ' · ' + esc(from(windows, c.windowType)) : ''}</dd>
        ${c.caseNumber ? `<dt>${w('caseCol')}</dt><dd>${esc(c.caseNumber)}</dd>` : ''}
        <dt>${w('complainant')}</dt><dd>${esc(c.complainantName || '')} ${esc(c.complainantPhone || '')}</dd>
        <dt>${w('complaintText')}</dt><dd>${esc(c.text)}</dd>
        <dt>${w('dueDate')}</dt><dd>${esc(c.dueDate.dueDate)}</dd><dt>${w('proposalDue')}</dt><dd>${esc(c.proposalDue.dueDate)}</dd>
        ${c.answer ? `<dt>${w('answer')}</dt><dd>${esc(c.answer)}</dd>` : ''}
      </dl>${c.answer && c.form === 'WRITTEN' ? `<div class="actions no-print"><button type="button" class="act" id="letter">${w('letter')}</button></div>` : ''}</div>
      <div class="card no-print"><h2>${w('history')}</h2>${timeline(c.history)}</div></div>
      ${c.actions.length ? `<form class="card no-print" id="complaint-act" novalidate><div class="actions">${c.actions.map((a) => `<button type="button" class="act" data-action="${a}">${esc(from(ACTIONS, a))}</button>`).join('')}</div><div id="act-form"></div></form>` : ''}
      <div id="letter-page"></div>`);
    const letter = $('#letter');
    if (letter) letter.addEventListener('click', async () => {
        const r = await fetch(`/api/v1/complaints/${encodeURIComponent(c.number)}/letter`, {headers: {Accept: 'text/html', Authorization: session.auth}});
        // the page was escaped by the server; only its body is shown, with this site's styles
        const doc = new DOMParser().parseFromString(await r.text(), 'text/html');
        $('#letter-page').innerHTML = `<article class="card letter" id="letter-text">${doc.body.innerHTML}</article>
          <p class="no-print"><button type="button" class="act" id="print-letter">${w('print')}</button></p>`;
        $('#print-letter').addEventListener('click', () => window.print());
    });
    const form = $('#complaint-act');
    if (!form) return;
    let action = null;
    form.querySelectorAll('button[data-action]').forEach((b) => b.addEventListener('click', () => {
        action = b.dataset.action;
        $('#act-form').innerHTML = forms[action] + `<button class="primary" type="submit">${w('confirm')}</button>`;
    }));
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        const picked = form.querySelector('input[name="upheld"]:checked');
        const body = {text: $('#f-text') ? $('#f-text').value : null, agency: $('#f-agency') ? $('#f-agency').value : null,
            upheld: picked ? picked.value === 'true' : null, onTheSpot: $('#f-spot') ? $('#f-spot').checked : null};
        try {
            await api('POST', `/complaints/${encodeURIComponent(c.number)}/actions/${action}`, body);
            flash(w('done'));
            await complaintView(number);
        } catch (e) { showError(form, e); }
    });
}

// ------------------------------------------------------------------ rectifications

/** Bad ratings being rectified at the caller's centers: each with its due date and next actions. */
export async function rectificationsView() {
    const [items, list] = await Promise.all([api('GET', '/rectifications'), centers()]);
    const windows = await windowNames(items.map((r) => r.decidingCenterId));
    render(`<h1>${both('rectifications')}</h1>
      <div class="card"><div class="table-wrap"><table id="rectifications"><thead><tr><th>#</th><th>${w('caseCol')}</th><th>${w('level')}</th><th>${w('decidingCenter')}</th>
        <th>${w('status')}</th><th>${w('due')}</th><th class="no-print"></th></tr></thead><tbody>
        ${items.map((r) => `<tr class="${esc(r.alertLevel || '')}" data-id="${esc(r.id)}"><td>${esc(r.id)}</td><td><a href="#/case/${esc(r.caseNumber)}">${esc(r.caseNumber)}</a></td>
          <td>${esc(from(RATING, r.level))}</td><td>${esc(centerName(list, r.decidingCenterId))} · ${esc(from(windows, r.windowType))}</td><td>${status(r.status)} ${alertBadge(r.alertLevel)}</td>
          <td>${esc(r.due.dueDate)}</td><td class="no-print">${r.actions.map((a) => `<button type="button" class="act small" data-id="${esc(r.id)}" data-action="${a}">${esc(from(ACTIONS, a))}</button>`).join(' ')}</td></tr>
          <tr class="steps"><td></td><td colspan="6">${timeline(r.history)}</td></tr>`).join('') || `<tr><td colspan="7">${w('none')}</td></tr>`}</tbody></table></div></div>
      <form class="card no-print" id="rect-act" hidden novalidate><h2 id="rect-title"></h2>${field('text', w('text'), '<textarea id="f-text" rows="3" maxlength="1000"></textarea>')}
        <button class="primary" type="submit">${w('confirm')}</button></form>`);
    const form = $('#rect-act');
    let pick = null;
    document.querySelectorAll('#rectifications button[data-action]').forEach((b) => b.addEventListener('click', () => {
        pick = {id: b.dataset.id, action: b.dataset.action};
        form.hidden = false;
        $('#rect-title').textContent = `#${pick.id} · ${from(ACTIONS, pick.action)}`;
        $('#f-text').focus();
    }));
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        try {
            await api('POST', `/rectifications/${encodeURIComponent(pick.id)}/actions/${pick.action}`, {text: $('#f-text').value});
            flash(w('done'));
            await rectificationsView();
        } catch (e) { showError(form, e); }
    });
}

// ------------------------------------------------------------------ assessments

const quarterOf = (d) => `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;

/** The published assessment of a quarter or a year, ranked, with its components and a chart (R28). */
export async function assessmentView(params) {
    const period = /^\d{4}(-Q[1-4])?$/.test(params.get('period') || '') ? params.get('period') : quarterOf(new Date());
    const a = await api('GET', '/public/assessments?period=' + encodeURIComponent(period), undefined, null);
    const pct = (x) => `${Math.round(x * 1000) / 10}%`;
    const name = (r) => r.windowName ? `${r.centerName} · ${r.windowName}` : r.centerName;
    const chart = (rows) => { const left = 240, width = 640, h = 22;
        return `<svg class="bars ranked" viewBox="0 0 ${width} ${Math.max(1, rows.length) * h + 8}" role="img" aria-label="${esc(w('score'))}">${rows.map((r, k) => `
          <text x="0" y="${k * h + 15}" font-size="12">${esc(r.rank)}. ${esc(name(r).length > 22 ? name(r).slice(0, 21) + '…' : name(r))}</text>
          <rect x="${left}" y="${k * h + 3}" width="${esc((width - left - 50) * r.score / 100)}" height="${h - 6}" fill="#b5322c"><title>${esc(name(r))} ${esc(r.score)}</title></rect>
          <text x="${esc(left + (width - left - 50) * r.score / 100 + 4)}" y="${k * h + 15}" font-size="11">${esc(r.score)}</text>`).join('')}</svg>`; };
    const table = (rows, id) => `<div class="table-wrap"><table id="${esc(id)}"><thead><tr><th>${w('rank')}</th><th>${w('center')}</th><th>${w('window')}</th><th>${w('score')}</th>
        <th>${w('onTime')}</th><th>${w('completion')}</th><th>${w('satisfaction')}</th><th>${w('rectification')}</th><th>${w('upheldComplaints')}</th><th>${w('accepted')}</th><th>${w('ratings')}</th></tr></thead><tbody>
        ${rows.map((r) => `<tr><td>${esc(r.rank)}</td><td>${esc(r.centerName)}</td><td>${esc(r.windowName || '—')}</td><td><strong>${esc(r.score)}</strong></td><td>${esc(pct(r.onTimeRate))}</td>
          <td>${esc(pct(r.completionRate))}</td><td>${esc(pct(r.satisfactionRate))}</td><td>${esc(pct(r.rectificationRate))}</td><td>${esc(r.upheldComplaints)}</td><td>${esc(r.accepted)}</td><td>${esc(r.ratings)}</td></tr>`).join('')
          || `<tr><td colspan="11">${w('none')}</td></tr>`}</tbody></table></div>`;
    render(`<h1>${both('assessment')}</h1>
      <form class="card no-print row" id="period">${field('period', w('period'), `<input id="f-period" value="${esc(a.period)}" pattern="\\d{4}(-Q[1-4])?" maxlength="7">`)}
        <div class="field"><button class="primary" type="submit">${w('show')}</button></div>
        <div class="field"><a class="act" id="csv" href="/api/v1/public/assessments?period=${encodeURIComponent(a.period)}&amp;format=csv" download>${w('downloadCsv')}</a></div></form>
      <p class="card" id="assessment-state">${esc(a.from)} — ${esc(a.to)} · ${a.frozen ? w('frozen') : w('live')}<br><span class="muted">${w('weights')}:
        ${esc(w('onTime'))} ${esc(a.weights.onTime)} · ${esc(w('completion'))} ${esc(a.weights.completion)} · ${esc(w('satisfaction'))} ${esc(a.weights.satisfaction)} · ${esc(w('rectification'))} ${esc(a.weights.rectification)} · ${esc(w('upheldComplaints'))} −${esc(a.weights.upheldComplaint)}</span></p>
      <div class="card"><h2>${both('byWindow')}</h2>${chart(a.windows)}${table(a.windows, 'assess-windows')}</div>
      <div class="card"><h2>${both('byCenter')}</h2>${table(a.centers, 'assess-centers')}</div>`);
    $('#period').addEventListener('submit', (ev) => { ev.preventDefault(); location.hash = '#/assessment?period=' + encodeURIComponent($('#f-period').value.trim()); });
}
