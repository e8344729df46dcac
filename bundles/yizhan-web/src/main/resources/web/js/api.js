// The v1 API client: the signed-in session, problem+json errors, the centers list.
import {lang} from './words.js';

export const API = '/api/v1';

export const session = {
    get auth() { return sessionStorage.getItem('yzAuth'); },
    get me() { const m = sessionStorage.getItem('yzMe'); return m ? JSON.parse(m) : null; },
    set(auth, me) { sessionStorage.setItem('yzAuth', auth); sessionStorage.setItem('yzMe', JSON.stringify(me)); },
    clear() { sessionStorage.removeItem('yzAuth'); sessionStorage.removeItem('yzMe'); },
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
    if (auth) headers.Authorization = 'Basic ' + auth;
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
export const basic = (user, password) => btoa(unescape(encodeURIComponent(user + ':' + password)));

let centersCache = null;
export async function centers() {
    if (!centersCache) centersCache = await api('GET', '/centers', undefined, null);
    return centersCache;
}
export const centerName = (list, id) => { const c = list.find((x) => x.id === id); return c ? c.name : String(id ?? ''); };

/** Forget the cached centers (after the network changed). */
export function forgetCenters() {
    centersCache = null;
}
