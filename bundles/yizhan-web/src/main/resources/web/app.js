// 一站 Yizhan browser UI: modern JavaScript as ES modules, no build step, over the v1 API only.
// Chinese by default; the button in the header switches to English (remembered in this browser).
import {$, esc} from './js/dom.js';
import {lang, w, setLang} from './js/words.js';
import {session} from './js/api.js';
import {render} from './js/ui.js';
import {nav} from './js/nav.js';
import {guideView, itemView, lookupView, loginView, passwordView} from './js/views/public.js';
import {queueView, newCaseView, caseView, receiptView, noticeView} from './js/views/cases.js';
import {ledgerView} from './js/views/agent.js';
import {supervisionView, auditView} from './js/views/supervisor.js';
import {windowsView, networkView, staffView} from './js/views/admin.js';
import {boardView, postsView, rosterView, bookView, appointmentsView, referralView} from './js/views/people.js';
import {rateWindowView, publicComplaintView, complaintsView, complaintView, rectificationsView, assessmentView} from './js/views/feedback.js';

async function route() {
    const [path, query] = (location.hash.slice(1) || '/').split('?');
    const params = new URLSearchParams(query || '');
    const parts = path.split('/').filter(Boolean);
    document.body.classList.remove('kiosk');
    nav();
    const staff = ['referral', 'appointments', 'posts', 'roster', 'rate', 'complaints', 'rectifications', 'queue', 'new', 'case', 'ledger', 'supervision', 'windows', 'network', 'staff', 'audit', 'password'];
    if (staff.includes(parts[0]) && !session.me) { location.hash = '#/login'; return; }
    if (session.me && session.me.mustChangePassword && parts[0] !== 'password') { location.hash = '#/password'; return; }
    try {
        if (parts.length === 0) await guideView();
        else if (parts[0] === 'item') await itemView(parts[1]);
        else if (parts[0] === 'lookup') await lookupView(params);
        else if (parts[0] === 'login') await loginView();
        else if (parts[0] === 'complaint') await publicComplaintView(params);
        else if (parts[0] === 'board') await boardView(params);
        else if (parts[0] === 'book') await bookView(params);
        else if (parts[0] === 'appointments') await appointmentsView(params);
        else if (parts[0] === 'posts') await postsView();
        else if (parts[0] === 'roster') await rosterView(params);
        else if (parts[0] === 'referral') await referralView();
        else if (parts[0] === 'assessment') await assessmentView(params);
        else if (parts[0] === 'rate') await rateWindowView(parts[1]);
        else if (parts[0] === 'complaints' && parts[1]) await complaintView(parts[1]);
        else if (parts[0] === 'complaints') await complaintsView();
        else if (parts[0] === 'rectifications') await rectificationsView();
        else if (parts[0] === 'queue') await queueView(params);
        else if (parts[0] === 'new') await newCaseView();
        else if (parts[0] === 'case' && parts[2] === 'receipt') await receiptView(parts[1]);
        else if (parts[0] === 'case' && parts[2] === 'notice') await noticeView(parts[1]);
        else if (parts[0] === 'case') await caseView(parts[1]);
        else if (parts[0] === 'ledger') await ledgerView();
        else if (parts[0] === 'supervision') await supervisionView(params);
        else if (parts[0] === 'windows') await windowsView(params);
        else if (parts[0] === 'password') await passwordView();
        else if (parts[0] === 'network') await networkView();
        else if (parts[0] === 'staff') await staffView();
        else if (parts[0] === 'audit') await auditView(params);
        else render(`<p class="card">404</p>`);
    } catch (e) {
        if (e.status === 401) { session.clear(); location.hash = '#/login'; return; }
        render(`<p class="card" role="alert">${esc(e.status === 403 ? w('forbidden') : e.message)}</p>`);
    }
}


$('#lang').addEventListener('click', () => { setLang(lang === 'zh' ? 'en' : 'zh'); route(); });
window.addEventListener('hashchange', route);
route();
