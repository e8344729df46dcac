// Page helpers: flash messages, errors next to their field, form fields, badges, rendering.
import {$, esc} from './dom.js';
import {STATUS, lang, w, from} from './words.js';

export function flash(message, error = false) {
    const f = $('#flash');
    f.textContent = message || '';
    f.className = error ? 'error' : '';
    if (message && !error) setTimeout(() => { if (f.textContent === message) f.textContent = ''; }, 6000);
}

/** Shows an API error next to the field at fault (problem.field / problem.errors[].field), else on top. */
export function showError(form, e) {
    form.querySelectorAll('.field.bad').forEach((f) => f.classList.remove('bad'));
    form.querySelectorAll('.err').forEach((x) => x.remove());
    const errors = e.problem && e.problem.errors && e.problem.errors.length ? e.problem.errors
        : [{field: e.problem && e.problem.field, message: e.problem && e.problem.detail, messageZh: e.problem && e.problem.detailZh}];
    let placed = false;
    for (const err of errors) {
        const name = (err.field || '').replace(/\[\d+\]$/, '');
        const field = name && form.querySelector(`[data-field="${CSS.escape(name)}"]`);
        const text = (lang === 'zh' ? err.messageZh || err.message : err.message || err.messageZh) || e.message;
        if (field) {
            field.classList.add('bad');
            const p = document.createElement('p');
            p.className = 'err';
            p.id = 'err-' + name.replace(/\W/g, '-');
            p.textContent = text;
            field.appendChild(p);
            const input = field.querySelector('input, select, textarea');
            if (input) { input.setAttribute('aria-invalid', 'true'); input.setAttribute('aria-describedby', p.id); if (!placed) input.focus(); }
            placed = true;
        }
    }
    if (!placed) flash(e.message, true); else flash('');
}

export const field = (name, label, input) => `<div class="field" data-field="${esc(name)}"><label for="f-${esc(name)}">${label}</label>${input}</div>`;
export const badge = (status) => `<span class="badge">${esc(from(STATUS, status))}</span>`;
export const alertBadge = (level) => level ? `<span class="badge ${esc(level)}">${esc(level === 'RED' ? w('red') : w('yellow'))}</span>` : '';
/** A day as the county counts it (China Standard Time, as the platform does), whatever the browser's own zone: yyyy-mm-dd. */
export const countyDay = (date = new Date()) => new Intl.DateTimeFormat('en-CA',
    {timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit'}).format(date);
export const when = (iso) => iso ? new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {hour12: false}) : '';

export function render(html) {
    const main = $('#main');
    main.innerHTML = html;
    main.focus({preventScroll: true});
}
