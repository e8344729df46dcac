// The header: links for the signed-in user's roles, who is signed in, the language button.
import {$, esc} from './dom.js';
import {lang, w} from './words.js';
import {session, signOut} from './api.js';
import {presenceSwitch} from './views/people.js';

export function nav() {
    const links = [['#/', 'guide'], ['#/lookup', 'lookup'], ['#/book', 'book'], ['#/board', 'board'], ['#/complaint', 'fileComplaint'], ['#/assessment', 'assessment']];
    if (session.has('clerk')) links.push(['#/queue', 'queue'], ['#/new', 'newCase']);
    if (session.has('village-agent')) links.push(['#/queue', 'queue'], ['#/new', 'newProxy'], ['#/ledger', 'ledger']);
    if (session.has('supervisor', 'county-admin', 'town-admin')) links.push(['#/supervision', 'supervision']);
    if (session.has('clerk', 'village-agent')) links.push(['#/appointments', 'appointments']);
    if (session.has('town-admin')) links.push(['#/posts', 'posts']);
    if (session.has('town-admin', 'village-agent')) links.push(['#/roster', 'roster']);
    if (session.has('clerk', 'town-admin', 'county-admin', 'supervisor')) links.push(['#/rectifications', 'rectifications']);
    if (session.has('supervisor', 'county-admin', 'town-admin')) links.push(['#/complaints', 'complaints']);
    if (session.has('town-admin', 'county-admin')) links.push(['#/windows', 'windows']);
    if (session.has('county-admin')) links.push(['#/network', 'network']);
    if (session.has('town-admin', 'county-admin')) links.push(['#/staff', 'staffAccounts']);
    if (session.has('supervisor', 'county-admin')) links.push(['#/audit', 'auditLog']);
    const here = location.hash.split('?')[0] || '#/';
    $('#nav').innerHTML = links.map(([href, k]) => `<a href="${href}" ${href === here ? 'aria-current="page"' : ''}>${esc(w(k))}</a>`).join('');
    const me = session.me;
    $('#who').innerHTML = me ? `<span>${esc(me.user)} · ${esc(me.centerName || '')}</span> <a href="#/password">${w('changePassword')}</a> <button type="button" id="logout">${w('logout')}</button>`
        : `<a href="#/login">${w('login')}</a>`;
    if (me) $('#logout').addEventListener('click', async () => { await signOut(); nav(); location.hash = '#/'; });
    if (me) presenceSwitch($('#who').insertBefore(document.createElement('span'), $('#who').firstChild));
    $('#lang').textContent = lang === 'zh' ? 'English' : '中文';
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = w(el.dataset.t); });
}
