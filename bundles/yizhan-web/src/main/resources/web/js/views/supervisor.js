// E-supervision (R20) and the audit log.
import {$, esc} from '../dom.js';
import {W, ACTIONS, STATUS, HANDLING, LEVEL, lang, w, from, both} from '../words.js';
import {session, api, basic, centers, centerName, forgetCenters, windowNames} from '../api.js';
import {flash, showError, field, badge, alertBadge, when, render, countyDay} from '../ui.js';
import {nav} from '../nav.js';

export async function supervisionView(params) {
    const today = new Date();
    // the county's day, not the browser's: just after midnight in China a browser on UTC is still on yesterday
    // a date from the address bar is taken only when it is one (never written into the page or a URL as typed)
    const day = (v) => /^\d{4}-\d{2}-\d{2}$/.test(v || '') ? v : null;
    const fromDate = day(params.get('from')) || countyDay(new Date(today.getTime() - 30 * 86400000));
    const toDate = day(params.get('to')) || countyDay(today);
    const [alerts, rates, list] = await Promise.all([api('GET', '/supervision/alerts?size=100'),
        api('GET', `/supervision/rates?from=${encodeURIComponent(fromDate)}&to=${encodeURIComponent(toDate)}`), centers()]);
    // windows by their names in the chosen language, never their codes
    const windows = await windowNames(rates.map((r) => r.centerId).concat(alerts.unstaffedWindows.map((u) => u.centerId)));
    const W2 = 640, barH = 18, gap = 10, rowH = barH * 2 + gap, left = 220;
    const chart = `<svg class="bars" viewBox="0 0 ${W2} ${Math.max(1, rates.length) * rowH + 30}" role="img" aria-label="${w('rates')}">
      ${rates.map((r, k) => { const y = k * rowH + 20; const label = `${centerName(list, r.centerId)} · ${from(windows, r.windowType)}`;
        return `<text x="0" y="${y + barH}" font-size="12">${esc(label.length > 28 ? label.slice(0, 27) + '…' : label)}</text>
        <rect x="${left}" y="${y}" width="${(W2 - left - 60) * r.completionRate}" height="${barH - 2}" fill="#b5322c"><title>${w('completion')} ${Math.round(r.completionRate * 100)}%</title></rect>
        <text x="${left + (W2 - left - 60) * r.completionRate + 4}" y="${y + 13}" font-size="11">${Math.round(r.completionRate * 100)}%</text>
        <rect x="${left}" y="${y + barH}" width="${(W2 - left - 60) * r.onTimeRate}" height="${barH - 2}" fill="#1f7a45"><title>${w('onTime')} ${Math.round(r.onTimeRate * 100)}%</title></rect>
        <text x="${left + (W2 - left - 60) * r.onTimeRate + 4}" y="${y + barH + 13}" font-size="11">${Math.round(r.onTimeRate * 100)}%</text>`; }).join('')}
      <rect x="${left}" y="2" width="10" height="10" fill="#b5322c"/><text x="${left + 14}" y="11" font-size="11">${w('completion')}</text>
      <rect x="${left + 90}" y="2" width="10" height="10" fill="#1f7a45"/><text x="${left + 104}" y="11" font-size="11">${w('onTime')}</text></svg>`;
    render(`<h1>${both('supervision')}</h1>
      ${alerts.relayDeadLetters ? `<p class="card"><span class="badge RED">${alerts.relayDeadLetters} ${w('deadLetters')}</span></p>` : ''}
      ${alerts.rectificationsRed + alerts.rectificationsYellow + alerts.complaintsRed + alerts.complaintsYellow ? `<p class="card" id="feedback-alerts">
        <a href="#/rectifications">${w('rectifications')}</a>: <span class="badge RED">${esc(alerts.rectificationsRed)} ${w('red')}</span> <span class="badge YELLOW">${esc(alerts.rectificationsYellow)} ${w('yellow')}</span>
        · <a href="#/complaints">${w('complaints')}</a>: <span class="badge RED">${esc(alerts.complaintsRed)} ${w('red')}</span> <span class="badge YELLOW">${esc(alerts.complaintsYellow)} ${w('yellow')}</span></p>` : ''}
      ${alerts.unstaffedWindows.length ? `<p class="card" id="unstaffed"><span class="badge RED">${w('nobody')}</span>
        ${alerts.unstaffedWindows.map((u) => `<a href="#/board?center=${esc(u.centerId)}">${esc(centerName(list, u.centerId))} · ${esc(from(windows, u.windowType))}</a>`).join('、')}</p>` : ''}
      <div class="card"><h2>${w('alerts')}: <span class="badge RED">${alerts.red} ${w('red')}</span> <span class="badge YELLOW">${alerts.yellow} ${w('yellow')}</span></h2>
      ${alerts.items.length ? `<div class="table-wrap"><table id="alerts"><thead><tr><th>${w('number')}</th><th>${w('item')}</th><th>${w('status')}</th><th>${w('promisedDate')}</th><th class="wide">${w('decidingCenter')}</th></tr></thead><tbody>
        ${alerts.items.map((a) => `<tr class="${esc(a.level)}"><td><a href="#/case/${esc(a.number)}">${esc(a.number)}</a> ${alertBadge(a.level)} ${a.urgent ? `<span class="badge urgent">${w('urgent')}</span>` : ''}</td>
          <td>${esc(a.itemName)}</td><td>${badge(a.status)}</td><td>${esc(a.promisedDate || '')}</td><td class="wide">${esc(centerName(list, a.decidingCenterId))}</td></tr>`).join('')}</tbody></table></div>` : `<p>${w('noAlerts')}</p>`}</div>
      <div class="card"><h2>${both('rates')}</h2>
        <form class="row no-print" id="period">${field('from', w('from'), `<input id="f-from" type="date" value="${esc(fromDate)}">`)}${field('to', w('to'), `<input id="f-to" type="date" value="${esc(toDate)}">`)}
          <div class="field"><button class="primary" type="submit">${w('show')}</button></div></form>
        ${chart}
        <div class="table-wrap"><table id="rates"><thead><tr><th>${w('center')}</th><th>${w('window')}</th><th>${w('accepted')}</th><th>${w('completion')}</th><th>${w('onTime')}</th><th>${w('satisfaction')}</th></tr></thead><tbody>
        ${rates.map((r) => `<tr><td>${esc(centerName(list, r.centerId))}</td><td>${esc(from(windows, r.windowType))}</td><td>${esc(r.accepted)}</td><td>${Math.round(r.completionRate * 100)}%</td><td>${Math.round(r.onTimeRate * 100)}%</td>
          <td>${r.ratings ? `${Math.round(r.satisfactionRate * 100)}% (${esc(r.satisfied)}/${esc(r.ratings)})` : '—'}</td></tr>`).join('')}</tbody></table></div></div>`);
    $('#period').addEventListener('submit', (ev) => { ev.preventDefault(); location.hash = `#/supervision?from=${$('#f-from').value}&to=${$('#f-to').value}`; });
}

export async function auditView(params) {
    const page = await api('GET', '/audit?size=100' + (params.get('kind') ? '&kind=' + encodeURIComponent(params.get('kind')) : ''));
    render(`<h1>${both('auditLog')}</h1>
      <div class="card no-print"><button type="button" class="act" id="verify">${w('verifyChain')}</button> <span id="chain" aria-live="polite"></span></div>
      <div class="card"><div class="table-wrap"><table id="audit"><thead><tr><th>#</th><th>${w('time')}</th><th>${w('actor')}</th><th>${w('kind')}</th><th>${w('target')}</th><th class="wide">${w('detail')}</th><th>${w('source')}</th></tr></thead><tbody>
        ${page.items.map((e) => `<tr><td>${e.seq}</td><td>${esc(when(e.at))}</td><td>${esc(e.actor)}</td><td>${esc(e.kind)}</td><td>${esc(e.target || '')}</td><td class="wide">${esc(e.detail || '')}</td><td>${esc(e.source || '')}</td></tr>`).join('')}
      </tbody></table></div><p class="muted">${page.items.length} / ${page.total}</p></div>`);
    $('#verify').addEventListener('click', async () => {
        const v = await api('GET', '/audit/verify');
        $('#chain').innerHTML = v.valid ? `<span class="badge ok">${w('chainOk')} (${v.events})</span>` : `<span class="badge RED">${w('chainBroken')}${esc(v.brokenAt)}</span>`;
    });
}
