// The v1 API client: the signed-in session, problem+json errors, the centers list.
import {lang} from './words.js';

export const API = '/api/v1';

// The page keeps a session token (POST /sessions), never the password: the token ends after 15
// idle minutes, on sign-out and when the account changes. It is in the tab's session storage so
// that a reload keeps the user signed in; the page runs no inline or foreign script (CSP).
export const session = {
    get auth() { const t = sessionStorage.getItem('yzToken'); return t ? 'Bearer ' + t : null; },
    get me() { const m = sessionStorage.getItem('yzMe'); return m ? JSON.parse(m) : null; },
    set(token, me) { sessionStorage.setItem('yzToken', token); sessionStorage.setItem('yzMe', JSON.stringify(me)); },
    clear() { sessionStorage.removeItem('yzToken'); sessionStorage.removeItem('yzMe'); },
    has(...roles) { const me = this.me; return !!me && roles.some((r) => me.roles.includes(r)); },
};

export class ApiError extends Error {
    constructor(status, problem) {
        super(problem ? (lang === 'zh' ? problem.detailZh || problem.detail : problem.detail || problem.detailZh) : 'HTTP ' + status);
        this.status = status;
        this.problem = problem || {};
    }
}

export async function api(method, path, body, auth = session.auth, contentType = 'application/json') {
    const headers = {'Accept': 'application/json'};
    if (auth) headers.Authorization = auth;
    if (body !== undefined) headers['Content-Type'] = contentType;
    const payload = body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : body;
    const r = await fetch(API + path, {method, headers, body: payload});
    const text = await r.text();
    const data = text ? JSON.parse(text) : null;
    if (!r.ok) {
        if (r.status === 403 && data && data.type === 'urn:yizhan:problem:password-change-required') location.hash = '#/password';
        throw new ApiError(r.status, data);
    }
    return data;
}
export const basic = (user, password) => 'Basic ' + btoa(unescape(encodeURIComponent(user + ':' + password)));

/** Signs in with the password once and keeps the session's token; returns who signed in. */
export async function signIn(user, password) {
    const s = await api('POST', '/sessions', undefined, basic(user, password));
    session.set(s.token, s.me);
    return s.me;
}

/** Ends the session on the server too, then forgets it. */
export async function signOut() {
    const auth = session.auth;
    session.clear();
    if (auth) {
        try { await api('DELETE', '/sessions/current', undefined, auth); } catch (e) { /* ended already */ }
    }
}

let centersCache = null;
export async function centers() {
    if (!centersCache) centersCache = await api('GET', '/centers', undefined, null);
    return centersCache;
}
export const centerName = (list, id) => { const c = list.find((x) => x.id === id); return c ? c.name : String(id ?? ''); };

/** Forget the cached centers (after the network changed). */
export function forgetCenters() {
    centersCache = null;
    windowsCache.clear();
}

const windowsCache = new Map();
/** Window types' names, {type: [Chinese, English]}, from the windows of these centers (each center asked once). */
export async function windowNames(centerIds) {
    const names = {};
    for (const id of new Set(centerIds)) {
        if (!windowsCache.has(id)) {
            windowsCache.set(id, api('GET', `/centers/${encodeURIComponent(id)}/windows`, undefined, null).catch(() => []));
        }
        for (const win of await windowsCache.get(id)) names[win.type] = [win.name, win.nameEn || win.name];
    }
    return names;
}
