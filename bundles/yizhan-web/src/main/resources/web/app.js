// 一站 Yizhan browser UI: modern JavaScript, no build step, over the v1 API only.
// Chinese by default; the button in the header switches to English (remembered in this browser).

const API = '/api/v1';
const $ = (sel, root = document) => root.querySelector(sel);
const esc = (v) => String(v ?? '').replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));

// ------------------------------------------------------------------ words

const W = {
    guide: ['办事指南', 'Service guide'], lookup: ['办件查询', 'Case lookup'], login: ['登录', 'Sign in'],
    logout: ['退出', 'Sign out'], queue: ['我的办件', 'My cases'], newCase: ['受理申请', 'Take an application'],
    newProxy: ['代办申请', 'Take a proxy case'], ledger: ['来访台账', 'Visit ledger'], supervision: ['电子监察', 'E-supervision'],
    windows: ['窗口管理', 'Windows'], footer: ['一站 · 县乡村便民服务网络', 'Yizhan · county convenience-service network'],
    center: ['服务中心', 'Service center'], search: ['搜索事项', 'Search items'], item: ['事项', 'Item'],
    handling: ['办件类型', 'Handling'], promisedDays: ['承诺时限', 'Promised time limit'], legalDays: ['法定时限', 'Legal time limit'],
    workingDays: ['个工作日', 'working days'], body: ['实施主体', 'Implementing body'], basis: ['设定依据', 'Legal basis'],
    conditions: ['办理条件', 'Conditions'], procedure: ['办理程序', 'Procedure'], fee: ['收费标准', 'Fee'], feeBasis: ['收费依据', 'Fee basis'],
    contact: ['咨询电话', 'Contact'], materials: ['申请材料', 'Materials'], required: ['必交', 'required'], optional: ['选交', 'optional'],
    checklist: ['材料清单（可打印）', 'Materials checklist (printable)'], print: ['打印', 'Print'], free: ['不收费', 'Free of charge'],
    acceptAt: ['受理层级', 'Accepted at'], decideAt: ['决定层级', 'Decided at'], window: ['窗口', 'Window'],
    number: ['办件编号', 'Case number'], lookupCode: ['查询码', 'Lookup code'], find: ['查询', 'Look up'], status: ['状态', 'Status'],
    applicant: ['申请人', 'Applicant'], promisedDate: ['承诺办结日期', 'Promised date'], estimated: ['（估算）', '(estimated)'],
    received: ['已收材料', 'Materials received'], missing: ['缺少材料', 'Missing materials'], history: ['办理过程', 'Timeline'],
    user: ['用户名', 'User'], password: ['密码', 'Password'], signIn: ['登录', 'Sign in'], badLogin: ['用户名或密码错误', 'Wrong user or password'],
    name: ['姓名', 'Name'], idType: ['证件类型', 'ID type'], idNumber: ['证件号码', 'ID number'], phone: ['联系电话', 'Phone'],
    urgent: ['急件', 'Urgent'], submit: ['提交', 'Submit'], choose: ['请选择', 'Choose'], all: ['全部', 'All'],
    alert: ['预警', 'Alert'], acceptedAt: ['受理时间', 'Accepted'], decidingCenter: ['决定中心', 'Deciding center'],
    reason: ['理由', 'Reason'], confirm: ['确认', 'Confirm'], cancel: ['取消', 'Cancel'], kind: ['类别', 'Kind'],
    receipt: ['受理通知书', 'Receipt'], villageReceipt: ['承办单', 'Village receipt'], notice: ['一次性告知书', 'One-time notice'],
    verified: ['记录完整未被篡改', 'History verified, untampered'], broken: ['记录校验失败', 'History verification failed'],
    alerts: ['预警办件', 'Alerts'], red: ['红灯', 'red'], yellow: ['黄灯', 'yellow'], rates: ['办结率与按时率', 'Completion and on-time rates'],
    from: ['起', 'From'], to: ['止', 'To'], show: ['显示', 'Show'], completion: ['办结率', 'Completed'], onTime: ['按时率', 'On time'],
    accepted: ['受理', 'Accepted'], deadLetters: ['条报送死信待处理', 'relay dead letters need attention'],
    enabled: ['已开启', 'On'], disabled: ['已关闭', 'Off'], turnOn: ['开启', 'Turn on'], turnOff: ['关闭', 'Turn off'],
    available: ['模块已安装', 'Module installed'], notAvailable: ['模块未安装', 'Module not installed'], modules: ['已安装窗口模块', 'Installed window modules'],
    version: ['版本', 'Version'], items: ['事项', 'Items'], visitor: ['来访人', 'Visitor'], note: ['事由', 'Note'],
    register: ['登记咨询', 'Register a consultation'], time: ['时间', 'Time'], staff: ['经办人', 'Staff'], caseCol: ['办件', 'Case'],
    created: ['已提交', 'Submitted'], rights: ['申请人权利义务', "Applicant's rights and duties"], relayDue: ['报送期限', 'Transmit by'],
    travelling: ['报送中：上级中心签收后由其办理', 'Travelling up: the deciding center takes it from here'],
    decisionBack: ['上级中心办理结果已回复，可告知申请人', 'The decision came back: tell the applicant'],
    noCases: ['暂无办件', 'No cases'], noAlerts: ['暂无预警', 'No alerts'], loading: ['加载中…', 'Loading…'],
    done: ['已完成', 'Done'], welcome: ['欢迎', 'Welcome'], forbidden: ['无权访问，请登录', 'Not allowed: sign in'],
    printReceipt: ['打印受理通知书', 'Print the receipt'], printNotice: ['打印一次性告知书', 'Print the one-time notice'],
    noticeText: ['您申请的事项尚缺下列材料，请一次性补齐后再来办理：', 'Your application lacks the following materials; bring them all at once:'],
    windowOf: ['其他窗口', 'Other window'], department: ['部门', 'Department'],
    changePassword: ['修改密码', 'Change password'], oldPassword: ['原密码（一次性密码）', 'Current (one-time) password'],
    newPassword: ['新密码（至少 10 个字符）', 'New password (10 characters or more)'], repeatPassword: ['再次输入新密码', 'New password again'],
    mustChange: ['首次登录须修改一次性密码后才能办理业务。', 'Change your one-time password before you go on.'],
    mismatch: ['两次输入的新密码不一致', 'The two new passwords differ'],
    network: ['服务网络', 'Network'], code: ['代码', 'Code'], centerNameCol: ['名称', 'Name'], nameEn: ['英文名称', 'English name'], levelCol: ['层级', 'Level'],
    parent: ['上级中心', 'Parent'], addCenter: ['新建中心', 'Add a center'], rename: ['改名', 'Rename'], close: ['撤销', 'Close'],
    importCsv: ['批量导入（CSV：code,name,nameEn,level,parentCode）', 'Import (CSV: code,name,nameEn,level,parentCode)'],
    importBtn: ['导入', 'Import'], imported: ['导入完成', 'Imported'], createdN: ['新建', 'created'], updatedN: ['更新', 'updated'],
    unchangedN: ['未变', 'unchanged'], line: ['行', 'Line'], newName: ['新名称', 'New name'], closeConfirm: ['确认撤销该中心？', 'Close this center?'],
    staffAccounts: ['人员账号', 'Staff accounts'], addStaff: ['新建账号', 'Add an account'], roles: ['角色', 'Roles'],
    windowsServed: ['服务窗口（逗号分隔）', 'Windows served (comma-separated)'], state: ['状态', 'State'], active: ['正常', 'Active'],
    inactive: ['停用', 'Inactive'], locked: ['已锁定', 'Locked'], pendingChange: ['待改密', 'Must change password'],
    resetPassword: ['重置密码', 'Reset password'], unlock: ['解除锁定', 'Unlock'], deactivate: ['停用', 'Deactivate'], activate: ['启用', 'Activate'],
    oneTime: ['一次性密码（仅显示一次，请当面交给本人，首次登录须修改）', 'One-time password (shown once; hand it over in person; it must be changed at first sign-in)'],
    auditLog: ['审计日志', 'Audit log'], verifyChain: ['校验审计链', 'Verify the chain'], actor: ['操作人', 'Actor'], target: ['对象', 'Target'],
    detail: ['详情', 'Detail'], source: ['来源', 'Source'], chainOk: ['审计链完整', 'Audit chain intact'], chainBroken: ['审计链在此处被破坏：', 'Audit chain broken at entry '],
};
const ACTIONS = {
    submit: ['提交申请', 'Submitted'], notice: ['一次性告知', 'One-time notice'], supplement: ['补正材料', 'Supplemented'],
    accept: ['受理', 'Accepted'], 'not-accept': ['不予受理', 'Not accepted'], 'start-review': ['开始审查', 'Review started'],
    pause: ['暂停计时', 'Clock paused'], resume: ['恢复计时', 'Clock resumed'], extend: ['延期', 'Extended'],
    opinion: ['联办意见', 'Joint opinion'], approve: ['准予办理', 'Approved'], deny: ['不予许可', 'Denied'],
    deliver: ['送达办结', 'Delivered'], withdraw: ['撤回', 'Withdrawn'], 'relay-in': ['上级中心签收', 'Received above'],
    'relay-forward': ['转报上级', 'Forwarded up'], 'relay-receipt': ['收到签收回执', 'Receipt came back'],
    reply: ['办理结果回复', 'Decision came back'], 'joint-default': ['超时默认同意', 'Deemed consent'],
};
const STATUS = {
    SUBMITTED: ['已提交', 'Submitted'], AWAITING_SUPPLEMENT: ['待补正', 'Awaiting materials'], ACCEPTED: ['已受理', 'Accepted'],
    IN_REVIEW: ['审查中', 'In review'], PAUSED: ['暂停计时', 'Paused'], APPROVED: ['准予办理', 'Approved'], DENIED: ['不予许可', 'Denied'],
    DELIVERED: ['已办结', 'Delivered'], NOT_ACCEPTED: ['不予受理', 'Not accepted'], WITHDRAWN: ['已撤回', 'Withdrawn'],
    RELAYING: ['报送中', 'Travelling up'],
};
const HANDLING = {IMMEDIATE: ['即办件', 'Immediate'], PROMISED: ['承诺件', 'Promised'], JOINT: ['联办件', 'Joint'],
    REPORT_UP: ['上报件', 'Report-up'], CONTROLLED: ['控制件', 'Controlled']};
const LEVEL = {COUNTY: ['县', 'County'], TOWN: ['乡镇', 'Town'], VILLAGE: ['村', 'Village']};

let lang = localStorage.getItem('yzLang') === 'en' ? 'en' : 'zh';
const i = () => (lang === 'zh' ? 0 : 1);
const w = (k) => (W[k] ? W[k][i()] : k);
const from = (table, k) => (table[k] ? table[k][i()] : (k ?? ''));
/** A heading: the chosen language first, the other beside it. */
const both = (k) => `${esc(W[k][i()])} <span class="en">${esc(W[k][1 - i()])}</span>`;

// ------------------------------------------------------------------ API

const session = {
    get auth() { return sessionStorage.getItem('yzAuth'); },
    get me() { const m = sessionStorage.getItem('yzMe'); return m ? JSON.parse(m) : null; },
    set(auth, me) { sessionStorage.setItem('yzAuth', auth); sessionStorage.setItem('yzMe', JSON.stringify(me)); },
    clear() { sessionStorage.removeItem('yzAuth'); sessionStorage.removeItem('yzMe'); },
    has(...roles) { const me = this.me; return !!me && roles.some((r) => me.roles.includes(r)); },
};

class ApiError extends Error {
    constructor(status, problem) {
        super(problem ? (lang === 'zh' ? problem.detailZh || problem.detail : problem.detail || problem.detailZh) : 'HTTP ' + status);
        this.status = status;
        this.problem = problem || {};
    }
}

async function api(method, path, body, auth = session.auth, contentType = 'application/json') {
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
const basic = (user, password) => btoa(unescape(encodeURIComponent(user + ':' + password)));

let centersCache = null;
async function centers() {
    if (!centersCache) centersCache = await api('GET', '/centers', undefined, null);
    return centersCache;
}
const centerName = (list, id) => { const c = list.find((x) => x.id === id); return c ? c.name : String(id ?? ''); };

// ------------------------------------------------------------------ page helpers

function flash(message, error = false) {
    const f = $('#flash');
    f.textContent = message || '';
    f.className = error ? 'error' : '';
    if (message && !error) setTimeout(() => { if (f.textContent === message) f.textContent = ''; }, 6000);
}

/** Shows an API error next to the field at fault (problem.field / problem.errors[].field), else on top. */
function showError(form, e) {
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

const field = (name, label, input) => `<div class="field" data-field="${esc(name)}"><label for="f-${esc(name)}">${label}</label>${input}</div>`;
const badge = (status) => `<span class="badge">${esc(from(STATUS, status))}</span>`;
const alertBadge = (level) => level ? `<span class="badge ${esc(level)}">${esc(level === 'RED' ? w('red') : w('yellow'))}</span>` : '';
const when = (iso) => iso ? new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {hour12: false}) : '';

function render(html) {
    const main = $('#main');
    main.innerHTML = html;
    main.focus({preventScroll: true});
}

// ------------------------------------------------------------------ views: public

async function guideView() {
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
        const items = await api('GET', '/items?center=' + center, undefined, null);
        const q = $('#f-q').value.trim().toLowerCase();
        const hits = items.filter((it) => !q || (it.name + it.nameEn + it.code).toLowerCase().includes(q));
        $('#items').innerHTML = `<div class="table-wrap"><table><thead><tr><th>${w('item')}</th><th>${w('handling')}</th><th>${w('promisedDays')}</th><th class="wide">${w('window')}</th></tr></thead><tbody>
          ${hits.map((it) => `<tr><td><a href="#/item/${esc(it.code)}">${esc(lang === 'zh' ? it.name : it.nameEn || it.name)}</a> <span class="muted">${esc(it.code)}</span></td>
            <td>${esc(from(HANDLING, it.handlingClass))}</td><td>${it.promisedDays} ${w('workingDays')}</td><td class="wide">${esc(it.windowType)}</td></tr>`).join('')}
        </tbody></table></div>`;
    };
    $('#f-center').addEventListener('change', show);
    $('#f-q').addEventListener('input', show);
    await show();
}

async function itemView(code) {
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

async function lookupView(params) {
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
                 ${h.to ? badge(h.to) : ''}<div class="meta">${esc(when(h.at))} · ${esc(h.centerName || '')}</div></li>`).join('')}</ol></div>`;
        } catch (e) {
            $('#result').innerHTML = '';
            showError(form, e.status === 404 ? {problem: {field: 'lookupCode', detail: e.problem.detail, detailZh: e.problem.detailZh}, message: e.message} : e);
        }
    });
    if (params.get('number') && params.get('code')) form.requestSubmit();
}

async function loginView() {
    render(`<h1>${both('login')}</h1>
      <form class="card" id="login" style="max-width:420px" novalidate>
        ${field('user', w('user'), '<input id="f-user" autocomplete="username" required>')}
        ${field('password', w('password'), '<input id="f-password" type="password" autocomplete="current-password" required>')}
        <button class="primary" type="submit">${w('signIn')}</button>
      </form>`);
    const form = $('#login');
    form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        const auth = basic($('#f-user').value.trim(), $('#f-password').value);
        try {
            const me = await api('GET', '/me', undefined, auth);
            session.set(auth, me);
            nav();
            location.hash = me.mustChangePassword ? '#/password' : homeOf(me);
        } catch (e) {
            showError(form, e.status === 401 ? {problem: {field: 'password', detail: W.badLogin[1], detailZh: W.badLogin[0]}, message: w('badLogin')} : e);
        }
    });
}

/** The own password: forced while a one-time password is pending (every other call answers 403 until then). */
async function passwordView() {
    const me = session.me;
    render(`<h1>${both('changePassword')}</h1>
      ${me.mustChangePassword ? `<p class="card" role="alert">${w('mustChange')}</p>` : ''}
      <form class="card" id="password" style="max-width:460px" novalidate>
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
            const auth = basic(me.user, next);
            const fresh = await api('GET', '/me', undefined, auth);
            session.set(auth, fresh);
            flash(w('done'));
            nav();
            location.hash = homeOf(fresh);
        } catch (e) { showError(form, e); }
    });
}

function homeOf(me) {
    if (me.roles.includes('supervisor')) return '#/supervision';
    if (me.roles.includes('county-admin')) return '#/network';
    if (me.roles.includes('town-admin')) return '#/windows';
    return '#/queue';
}

// ------------------------------------------------------------------ views: staff

async function queueView(params) {
    const status = params.get('status') || '';
    const page = await api('GET', `/cases?size=100${status ? '&status=' + status : ''}`);
    const list = await centers();
    render(`<h1>${both('queue')}</h1>
      <div class="card no-print"><div class="row">${field('status', w('status'), `<select id="f-status"><option value="">${w('all')}</option>
        ${Object.keys(STATUS).map((s) => `<option value="${s}" ${s === status ? 'selected' : ''}>${esc(from(STATUS, s))}</option>`).join('')}</select>`)}
        <div class="field"><a href="#/new">${session.has('village-agent') ? w('newProxy') : w('newCase')}</a></div></div></div>
      ${page.items.length ? `<div class="table-wrap"><table id="queue"><thead><tr><th>${w('number')}</th><th>${w('item')}</th><th>${w('status')}</th>
        <th>${w('promisedDate')}</th><th class="wide">${w('center')}</th></tr></thead><tbody>
        ${page.items.map((c) => `<tr class="${esc(c.alertLevel || '')}"><td><a href="#/case/${esc(c.number)}">${esc(c.number)}</a>
          ${c.urgent ? `<span class="badge urgent">${w('urgent')}</span>` : ''} ${alertBadge(c.alertLevel)}</td>
          <td>${esc(c.itemName)}</td><td>${badge(c.status)}</td><td>${esc(c.promisedDate || '')}</td>
          <td class="wide">${esc(centerName(list, c.centerId))}</td></tr>`).join('')}</tbody></table></div>` : `<p class="card">${w('noCases')}</p>`}`);
    $('#f-status').addEventListener('change', (e) => { location.hash = '#/queue' + (e.target.value ? '?status=' + e.target.value : ''); });
}

async function newCaseView() {
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
    $('#f-itemCode').addEventListener('change', () => {
        const it = items.find((x) => x.code === $('#f-itemCode').value);
        $('#materials').innerHTML = it ? it.materials.map((m) => `<label class="check"><input type="checkbox" name="m" value="${esc(m.code)}"> ${esc(m.name)}
            <span class="badge">${m.required ? w('required') : w('optional')}</span></label>`).join('') : '';
    });
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
const OFFER = {
    SUBMITTED: ['accept', 'not-accept'], AWAITING_SUPPLEMENT: ['supplement', 'not-accept', 'withdraw'],
    ACCEPTED: ['start-review', 'approve', 'deny', 'pause'], IN_REVIEW: ['approve', 'deny', 'pause'], PAUSED: ['resume', 'supplement'],
    APPROVED: ['deliver'], DENIED: ['deliver'],
};
const NEEDS_REASON = new Set(['not-accept', 'deny', 'pause', 'withdraw']);

async function caseView(number) {
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
        </div></div>
        <div class="card no-print"><h2>${w('history')}</h2>
          ${verify ? `<p><span class="badge ${verify.valid ? 'ok' : 'RED'}" id="verified">${verify.valid ? '✓ ' + w('verified') : '✗ ' + w('broken')}</span></p>` : ''}
          <ol class="timeline" id="timeline">${c.history.map((h) => `<li data-action="${esc(h.action)}"><strong>${esc(from(ACTIONS, h.action))}</strong> ${h.to ? badge(h.to) : ''}
            <div class="meta">${esc(when(h.at))} · ${esc(h.actor)} · ${esc(centerName(list, h.centerId))}</div>
            ${h.reason ? `<div>${esc(h.reason)}</div>` : ''}${h.data && h.data.receipt ? `<div class="meta">${esc(h.data.receipt)}</div>` : ''}</li>`).join('')}</ol></div>
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

async function receiptView(number) {
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

async function noticeView(number) {
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

async function ledgerView() {
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

async function supervisionView(params) {
    const today = new Date();
    const fromDate = params.get('from') || new Date(today.getTime() - 30 * 86400000).toISOString().slice(0, 10);
    const toDate = params.get('to') || today.toISOString().slice(0, 10);
    const [alerts, rates, list] = await Promise.all([api('GET', '/supervision/alerts?size=100'),
        api('GET', `/supervision/rates?from=${fromDate}&to=${toDate}`), centers()]);
    const W2 = 640, barH = 18, gap = 10, rowH = barH * 2 + gap, left = 220;
    const chart = `<svg class="bars" viewBox="0 0 ${W2} ${Math.max(1, rates.length) * rowH + 30}" role="img" aria-label="${w('rates')}">
      ${rates.map((r, k) => { const y = k * rowH + 20; const label = `${centerName(list, r.centerId)} · ${r.windowType}`;
        return `<text x="0" y="${y + barH}" font-size="12">${esc(label.length > 28 ? label.slice(0, 27) + '…' : label)}</text>
        <rect x="${left}" y="${y}" width="${(W2 - left - 60) * r.completionRate}" height="${barH - 2}" fill="#b5322c"><title>${w('completion')} ${Math.round(r.completionRate * 100)}%</title></rect>
        <text x="${left + (W2 - left - 60) * r.completionRate + 4}" y="${y + 13}" font-size="11">${Math.round(r.completionRate * 100)}%</text>
        <rect x="${left}" y="${y + barH}" width="${(W2 - left - 60) * r.onTimeRate}" height="${barH - 2}" fill="#1f7a45"><title>${w('onTime')} ${Math.round(r.onTimeRate * 100)}%</title></rect>
        <text x="${left + (W2 - left - 60) * r.onTimeRate + 4}" y="${y + barH + 13}" font-size="11">${Math.round(r.onTimeRate * 100)}%</text>`; }).join('')}
      <rect x="${left}" y="2" width="10" height="10" fill="#b5322c"/><text x="${left + 14}" y="11" font-size="11">${w('completion')}</text>
      <rect x="${left + 90}" y="2" width="10" height="10" fill="#1f7a45"/><text x="${left + 104}" y="11" font-size="11">${w('onTime')}</text></svg>`;
    render(`<h1>${both('supervision')}</h1>
      ${alerts.relayDeadLetters ? `<p class="card"><span class="badge RED">${alerts.relayDeadLetters} ${w('deadLetters')}</span></p>` : ''}
      <div class="card"><h2>${w('alerts')}: <span class="badge RED">${alerts.red} ${w('red')}</span> <span class="badge YELLOW">${alerts.yellow} ${w('yellow')}</span></h2>
      ${alerts.items.length ? `<div class="table-wrap"><table id="alerts"><thead><tr><th>${w('number')}</th><th>${w('item')}</th><th>${w('status')}</th><th>${w('promisedDate')}</th><th class="wide">${w('decidingCenter')}</th></tr></thead><tbody>
        ${alerts.items.map((a) => `<tr class="${esc(a.level)}"><td><a href="#/case/${esc(a.number)}">${esc(a.number)}</a> ${alertBadge(a.level)} ${a.urgent ? `<span class="badge urgent">${w('urgent')}</span>` : ''}</td>
          <td>${esc(a.itemName)}</td><td>${badge(a.status)}</td><td>${esc(a.promisedDate || '')}</td><td class="wide">${esc(centerName(list, a.decidingCenterId))}</td></tr>`).join('')}</tbody></table></div>` : `<p>${w('noAlerts')}</p>`}</div>
      <div class="card"><h2>${both('rates')}</h2>
        <form class="row no-print" id="period">${field('from', w('from'), `<input id="f-from" type="date" value="${fromDate}">`)}${field('to', w('to'), `<input id="f-to" type="date" value="${toDate}">`)}
          <div class="field"><button class="primary" type="submit">${w('show')}</button></div></form>
        ${chart}
        <div class="table-wrap"><table id="rates"><thead><tr><th>${w('center')}</th><th>${w('window')}</th><th>${w('accepted')}</th><th>${w('completion')}</th><th>${w('onTime')}</th></tr></thead><tbody>
        ${rates.map((r) => `<tr><td>${esc(centerName(list, r.centerId))}</td><td>${esc(r.windowType)}</td><td>${r.accepted}</td><td>${Math.round(r.completionRate * 100)}%</td><td>${Math.round(r.onTimeRate * 100)}%</td></tr>`).join('')}</tbody></table></div></div>`);
    $('#period').addEventListener('submit', (ev) => { ev.preventDefault(); location.hash = `#/supervision?from=${$('#f-from').value}&to=${$('#f-to').value}`; });
}

async function windowsView(params) {
    const me = session.me;
    const list = await centers();
    const mine = list.filter((c) => c.id === me.centerId || (session.has('county-admin')));
    const center = Number(params.get('center') || me.centerId);
    const [windows, modules] = await Promise.all([api('GET', `/centers/${center}/windows`, undefined, null), api('GET', '/windows/modules', undefined, null)]);
    render(`<h1>${both('windows')}</h1>
      <div class="card no-print">${field('center', w('center'), `<select id="f-center">${mine.map((c) => `<option value="${c.id}" ${c.id === center ? 'selected' : ''}>${esc(c.name)} (${esc(c.code)})</option>`).join('')}</select>`)}</div>
      <form class="card" id="windows" novalidate><div class="table-wrap"><table><thead><tr><th>${w('window')}</th><th>${w('status')}</th><th></th></tr></thead><tbody>
        ${windows.map((x) => `<tr><td>${esc(lang === 'zh' ? x.name : x.nameEn || x.name)} <span class="muted">${esc(x.type)}</span> ${x.special ? '<span class="badge">特色 special</span>' : ''}
          <div class="meta muted">${x.available ? w('available') : w('notAvailable')}</div></td>
          <td><span class="badge ${x.enabled ? 'ok' : ''}">${x.enabled ? w('enabled') : w('disabled')}</span></td>
          <td><button type="button" class="act ${x.enabled ? 'secondary' : ''}" data-type="${esc(x.type)}" data-on="${x.enabled ? 'false' : 'true'}">${x.enabled ? w('turnOff') : w('turnOn')}</button></td></tr>`).join('')}
      </tbody></table></div></form>
      <div class="card"><h2>${both('modules')}</h2><div class="table-wrap"><table id="modules"><thead><tr><th>Id</th><th>${w('version')}</th><th>${w('window')}</th><th class="wide">${w('items')}</th></tr></thead><tbody>
        ${modules.map((m) => `<tr><td>${esc(m.id)}<div class="muted">${esc(m.bundle)}</div></td><td>${esc(m.version)}</td><td>${esc(m.windowTypes.join(', '))}</td><td class="wide">${esc(m.items.join(', '))}</td></tr>`).join('')}</tbody></table></div></div>`);
    $('#f-center').addEventListener('change', (e) => { location.hash = '#/windows?center=' + e.target.value; });
    const form = $('#windows');
    form.querySelectorAll('button[data-type]').forEach((b) => b.addEventListener('click', async () => {
        try {
            await api('PUT', `/centers/${center}/windows/${encodeURIComponent(b.dataset.type)}`, {enabled: b.dataset.on === 'true'});
            flash(w('done'));
            await windowsView(params);
        } catch (e) { showError(form, e); }
    }));
}

// ------------------------------------------------------------------ views: administration

const ROLES = ['clerk', 'village-agent', 'town-admin', 'supervisor', 'county-admin', 'relay'];

/** The network (R1): centers, add, rename, close, CSV import (county admin). */
async function networkView() {
    centersCache = null;
    const list = await centers();
    const byId = new Map(list.map((c) => [c.id, c]));
    render(`<h1>${both('network')}</h1>
      <div class="card"><div class="table-wrap"><table id="centers"><thead><tr><th>${w('code')}</th><th>${w('centerNameCol')}</th><th>${w('levelCol')}</th><th>${w('parent')}</th><th></th></tr></thead><tbody>
        ${list.map((c) => `<tr data-code="${esc(c.code)}"><td>${esc(c.code)}</td><td>${esc(c.name)}<div class="muted">${esc(c.nameEn || '')}</div></td><td>${esc(from(LEVEL, c.level))}</td>
          <td>${esc(c.parentId ? byId.get(c.parentId)?.code : '')}</td>
          <td><button type="button" class="act secondary" data-rename="${c.id}">${w('rename')}</button> ${c.level === 'COUNTY' ? '' : `<button type="button" class="act secondary" data-close="${c.id}">${w('close')}</button>`}</td></tr>`).join('')}
      </tbody></table></div></div>
      <form class="card" id="add-center" novalidate><h2>${both('addCenter')}</h2><div class="row">
        ${field('code', w('code'), '<input id="f-code" required maxlength="32">')}
        ${field('name', w('centerNameCol'), '<input id="f-name" required maxlength="100">')}
        ${field('nameEn', w('nameEn'), '<input id="f-nameEn" maxlength="200">')}
        ${field('level', w('levelCol'), `<select id="f-level">${['TOWN', 'VILLAGE'].map((l) => `<option value="${l}">${esc(from(LEVEL, l))}</option>`).join('')}</select>`)}
        ${field('parentId', w('parent'), `<select id="f-parentId">${list.filter((c) => c.level !== 'VILLAGE').map((c) => `<option value="${c.id}">${esc(c.name)} (${esc(c.code)})</option>`).join('')}</select>`)}
      </div><button class="primary" type="submit">${w('addCenter')}</button></form>
      <form class="card" id="import" novalidate><h2>${both('importCsv')}</h2>
        ${field('body', 'CSV (UTF-8)', '<input id="f-file" type="file" accept=".csv,text/csv">')}
        <button class="primary" type="submit">${w('importBtn')}</button><div id="import-result" aria-live="polite"></div></form>`);
    const table = $('#centers');
    table.querySelectorAll('[data-rename]').forEach((b) => b.addEventListener('click', async () => {
        const c = byId.get(Number(b.dataset.rename));
        const name = prompt(w('newName'), c.name);
        if (!name) return;
        try { await api('PUT', `/admin/centers/${c.id}`, {name}); flash(w('done')); await networkView(); } catch (e) { flash(e.message, true); }
    }));
    table.querySelectorAll('[data-close]').forEach((b) => b.addEventListener('click', async () => {
        if (!confirm(w('closeConfirm'))) return;
        try { await api('POST', `/admin/centers/${b.dataset.close}/close`); flash(w('done')); await networkView(); } catch (e) { flash(e.message, true); }
    }));
    const add = $('#add-center');
    add.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        try {
            await api('POST', '/admin/centers', {code: $('#f-code').value.trim(), name: $('#f-name').value.trim(), nameEn: $('#f-nameEn').value.trim(),
                level: $('#f-level').value, parentId: Number($('#f-parentId').value)});
            flash(w('done'));
            await networkView();
        } catch (e) { showError(add, e); }
    });
    const imp = $('#import');
    imp.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        const file = $('#f-file').files[0];
        if (!file) return;
        try {
            const r = await api('POST', '/admin/centers/import', await file.text(), session.auth, 'text/csv');
            centersCache = null;
            $('#import-result').innerHTML = `<p class="badge ok">${w('imported')}: ${r.created} ${w('createdN')}, ${r.updated} ${w('updatedN')}, ${r.unchanged} ${w('unchangedN')}</p>`;
        } catch (e) {
            const errors = (e.problem && e.problem.errors) || [];
            $('#import-result').innerHTML = `<p role="alert" class="error">${esc(e.message)}</p><div class="table-wrap"><table id="import-errors"><thead><tr><th>${w('line')}</th><th>Field</th><th>${w('detail')}</th></tr></thead><tbody>
              ${errors.map((x) => `<tr><td>${esc(x.line ?? '')}</td><td>${esc(x.field)}</td><td>${esc(lang === 'zh' ? x.messageZh : x.message)}</td></tr>`).join('')}</tbody></table></div>`;
        }
        $('#import-result').scrollIntoView({block: 'center'});
    });
}

/** Staff accounts: county admins for all, town admins for their town. */
async function staffView() {
    const me = session.me;
    const [list, staff] = await Promise.all([centers(), api('GET', '/admin/staff')]);
    const byId = new Map(list.map((c) => [c.id, c]));
    const mine = session.has('county-admin') ? list : list.filter((c) => c.id === me.centerId || c.parentId === me.centerId);
    const state = (s) => !s.active ? w('inactive') : s.lockedUntil ? w('locked') : s.mustChangePassword ? w('pendingChange') : w('active');
    render(`<h1>${both('staffAccounts')}</h1>
      <div class="card"><div class="table-wrap"><table id="staff"><thead><tr><th>${w('user')}</th><th>${w('name')}</th><th>${w('center')}</th><th>${w('roles')}</th><th>${w('state')}</th><th></th></tr></thead><tbody>
        ${staff.map((s) => `<tr data-user="${esc(s.username)}"><td>${esc(s.username)}</td><td>${esc(s.name)}</td><td>${esc(byId.get(s.centerId)?.code ?? s.centerId)}</td>
          <td>${esc(s.roles.join(', '))}<div class="muted">${esc(s.windows.join(', '))}</div></td><td>${esc(state(s))}</td>
          <td><button type="button" class="act secondary" data-reset="${esc(s.username)}">${w('resetPassword')}</button>
            ${s.lockedUntil ? `<button type="button" class="act secondary" data-unlock="${esc(s.username)}">${w('unlock')}</button>` : ''}
            ${s.username === me.user ? '' : `<button type="button" class="act secondary" data-active="${esc(s.username)}" data-on="${s.active ? 'false' : 'true'}">${s.active ? w('deactivate') : w('activate')}</button>`}</td></tr>`).join('')}
      </tbody></table></div><div id="one-time" aria-live="polite"></div></div>
      <form class="card" id="add-staff" novalidate><h2>${both('addStaff')}</h2><div class="row">
        ${field('username', w('user'), '<input id="f-username" required maxlength="64" autocomplete="off">')}
        ${field('name', w('name'), '<input id="f-name" required maxlength="100">')}
        ${field('centerId', w('center'), `<select id="f-centerId">${mine.map((c) => `<option value="${c.id}">${esc(c.name)} (${esc(c.code)})</option>`).join('')}</select>`)}
        ${field('roles', w('roles'), `<select id="f-roles">${ROLES.filter((r) => session.has('county-admin') || r === 'clerk' || r === 'village-agent').map((r) => `<option>${r}</option>`).join('')}</select>`)}
        ${field('windows', w('windowsServed'), '<input id="f-windows" placeholder="civil-affairs, agriculture">')}
      </div><button class="primary" type="submit">${w('addStaff')}</button></form>`);
    const showOneTime = (s) => {
        $('#one-time').innerHTML = `<p class="card" role="status"><strong>${esc(s.username)}</strong> · ${w('oneTime')}: <code id="temporary-password">${esc(s.temporaryPassword)}</code></p>`;
        $('#one-time').scrollIntoView({block: 'center'});
    };
    const table = $('#staff');
    table.querySelectorAll('[data-reset]').forEach((b) => b.addEventListener('click', async () => {
        try { showOneTime(await api('POST', `/admin/staff/${encodeURIComponent(b.dataset.reset)}/reset-password`)); } catch (e) { flash(e.message, true); }
    }));
    table.querySelectorAll('[data-unlock]').forEach((b) => b.addEventListener('click', async () => {
        try { await api('POST', `/admin/staff/${encodeURIComponent(b.dataset.unlock)}/unlock`); await staffView(); } catch (e) { flash(e.message, true); }
    }));
    table.querySelectorAll('[data-active]').forEach((b) => b.addEventListener('click', async () => {
        try { await api('PUT', `/admin/staff/${encodeURIComponent(b.dataset.active)}`, {active: b.dataset.on === 'true'}); await staffView(); } catch (e) { flash(e.message, true); }
    }));
    const add = $('#add-staff');
    add.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        const windows = $('#f-windows').value.split(/[,，\s]+/).filter(Boolean);
        try {
            const s = await api('POST', '/admin/staff', {username: $('#f-username').value.trim(), name: $('#f-name').value.trim(),
                centerId: Number($('#f-centerId').value), roles: [$('#f-roles').value], windows});
            await staffView();
            showOneTime(s);
        } catch (e) { showError(add, e); }
    });
}

/** The audit log and its chain (supervisors, county admins). */
async function auditView(params) {
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

// ------------------------------------------------------------------ shell

function nav() {
    const links = [['#/', 'guide'], ['#/lookup', 'lookup']];
    if (session.has('clerk')) links.push(['#/queue', 'queue'], ['#/new', 'newCase']);
    if (session.has('village-agent')) links.push(['#/queue', 'queue'], ['#/new', 'newProxy'], ['#/ledger', 'ledger']);
    if (session.has('supervisor', 'county-admin', 'town-admin')) links.push(['#/supervision', 'supervision']);
    if (session.has('town-admin', 'county-admin')) links.push(['#/windows', 'windows']);
    if (session.has('county-admin')) links.push(['#/network', 'network']);
    if (session.has('town-admin', 'county-admin')) links.push(['#/staff', 'staffAccounts']);
    if (session.has('supervisor', 'county-admin')) links.push(['#/audit', 'auditLog']);
    const here = location.hash.split('?')[0] || '#/';
    $('#nav').innerHTML = links.map(([href, k]) => `<a href="${href}" ${href === here ? 'aria-current="page"' : ''}>${esc(w(k))}</a>`).join('');
    const me = session.me;
    $('#who').innerHTML = me ? `<span>${esc(me.user)} · ${esc(me.centerName || '')}</span> <a href="#/password">${w('changePassword')}</a> <button type="button" id="logout">${w('logout')}</button>`
        : `<a href="#/login">${w('login')}</a>`;
    if (me) $('#logout').addEventListener('click', () => { session.clear(); nav(); location.hash = '#/'; });
    $('#lang').textContent = lang === 'zh' ? 'English' : '中文';
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = w(el.dataset.t); });
}

async function route() {
    const [path, query] = (location.hash.slice(1) || '/').split('?');
    const params = new URLSearchParams(query || '');
    const parts = path.split('/').filter(Boolean);
    nav();
    const staff = ['queue', 'new', 'case', 'ledger', 'supervision', 'windows', 'network', 'staff', 'audit', 'password'];
    if (staff.includes(parts[0]) && !session.me) { location.hash = '#/login'; return; }
    if (session.me && session.me.mustChangePassword && parts[0] !== 'password') { location.hash = '#/password'; return; }
    try {
        if (parts.length === 0) await guideView();
        else if (parts[0] === 'item') await itemView(parts[1]);
        else if (parts[0] === 'lookup') await lookupView(params);
        else if (parts[0] === 'login') await loginView();
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

$('#lang').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; localStorage.setItem('yzLang', lang); route(); });
window.addEventListener('hashchange', route);
route();
