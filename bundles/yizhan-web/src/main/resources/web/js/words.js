// Words: Chinese and English side by side; the chosen language first.
import {esc} from './dom.js';

export const W = {
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
    unchangedN: ['未变', 'unchanged'], line: ['行', 'Line'], fieldCol: ['字段', 'Field'], newName: ['新名称', 'New name'], closeConfirm: ['确认撤销该中心？', 'Close this center?'],
    staffAccounts: ['人员账号', 'Staff accounts'], addStaff: ['新建账号', 'Add an account'], roles: ['角色', 'Roles'],
    windowsServed: ['服务窗口（逗号分隔）', 'Windows served (comma-separated)'], state: ['状态', 'State'], active: ['正常', 'Active'],
    inactive: ['停用', 'Inactive'], locked: ['已锁定', 'Locked'], pendingChange: ['待改密', 'Must change password'],
    resetPassword: ['重置密码', 'Reset password'], unlock: ['解除锁定', 'Unlock'], deactivate: ['停用', 'Deactivate'], activate: ['启用', 'Activate'],
    oneTime: ['一次性密码（仅显示一次，请当面交给本人，首次登录须修改）', 'One-time password (shown once; hand it over in person; it must be changed at first sign-in)'],
    auditLog: ['审计日志', 'Audit log'], verifyChain: ['校验审计链', 'Verify the chain'], actor: ['操作人', 'Actor'], target: ['对象', 'Target'],
    rateTitle: ['服务评价', 'Rate the service'], rateHint: ['请对本次办事服务作出评价（一事一评）', 'Please rate this service (one rating per case)'],
    rated: ['已评价', 'Rated'], thanks: ['感谢您的评价！', 'Thank you for your rating!'], comment: ['意见建议（可选）', 'Comment (optional)'],
    indicator: ['分项评价（可选）', 'By aspect (optional)'], rateAtWindow: ['请申请人评价', 'Hand over for the applicant to rate'],
    backToCase: ['返回办件', 'Back to the case'], complaint: ['投诉', 'Complaint'], complaints: ['投诉受理', 'Complaints'],
    fileComplaint: ['我要投诉', 'File a complaint'], complaintLookup: ['投诉查询', 'Follow a complaint'], category: ['投诉类别', 'Category'],
    complaintText: ['投诉内容', 'What happened'], caseNumberOpt: ['相关办件编号（可选）', 'Case number (optional)'],
    windowOpt: ['相关窗口（可选）', 'Window (optional)'], staffOpt: ['被投诉人员（可选）', 'Staff member (optional)'],
    filed: ['投诉已受理，请记下编号和查询码：', 'Your complaint is received; keep the number and lookup code:'],
    complaintNumber: ['投诉编号', 'Complaint number'], dueDate: ['答复期限', 'Answer due'], proposalDue: ['转办意见期限', 'Referral proposal due'],
    form: ['形式', 'Form'], serious: ['重大投诉', 'Serious'], oral: ['口头', 'Oral'], written: ['书面', 'Written'],
    complainant: ['投诉人', 'Complainant'], answer: ['答复', 'Answer'], upheld: ['投诉属实', 'Upheld'], notUpheld: ['投诉不属实', 'Not upheld'],
    onTheSpot: ['当场答复', 'Answered on the spot'], agency: ['承办单位', 'Agency'], proposal: ['转办意见', 'Proposal'],
    followUp: ['回访情况', 'Follow-up'], letter: ['书面答复（打印）', 'Written answer (print)'], recordComplaint: ['登记投诉', 'Record a complaint'],
    rectifications: ['差评整改', 'Bad-rating rectification'], level: ['评价', 'Rating'], opened: ['评价日期', 'Rated on'],
    due: ['整改期限', 'Due'], text: ['说明', 'Text'], assessment: ['考核结果', 'Assessments'], period: ['考核期间', 'Period'],
    score: ['得分', 'Score'], rank: ['名次', 'Rank'], satisfaction: ['满意率', 'Satisfaction'], rectification: ['整改率', 'Rectified in time'],
    upheldComplaints: ['有效投诉', 'Upheld complaints'], frozen: ['已定格（期间结束后不再变化）', 'Frozen (the period has ended)'],
    live: ['期间未结束，随办理实时变化', 'Period not over: changes as work goes on'], downloadCsv: ['下载 CSV', 'Download CSV'],
    byWindow: ['窗口排名', 'Windows, ranked'], byCenter: ['中心排名', 'Centers, ranked'], weights: ['权重', 'Weights'],
    ratings: ['评价数', 'Ratings'], none: ['暂无', 'None'],
    board: ['去向公示', 'Who is where'], present: ['在岗', 'At the window'], until: ['预计返回', 'back at'], servedBy: ['当前办理', 'Served by'],
    postA: ['A 岗', 'A post'], postB: ['B 岗（顶岗）', 'B stand-in'], nobody: ['无人在岗', 'Nobody there'], onDuty: ['今日值班', 'On duty today'],
    presence: ['我的去向', 'Where I am'], posts: ['AB 岗设置', 'A/B posts'], save: ['保存', 'Save'], roster: ['值班表', 'Duty roster'],
    date: ['日期', 'Date'], book: ['预约办事', 'Book a visit'], urgentMatter: ['急办事项', 'Urgent matter'], bookIt: ['预约', 'Book'],
    cancelBooking: ['取消预约', 'Cancel a booking'], bookingCode: ['预约码', 'Booking code'], left: ['余', 'left'],
    bookedOk: ['预约成功，请记下预约码，按时到窗口办理：', 'Booked. Keep the code and come to the window on time:'],
    cancelled: ['预约已取消', 'Booking cancelled'], appointments: ['今日预约', "Today's appointments"], arrived: ['已到（受理）', 'Arrived (take the case)'],
    noShow: ['未到', 'No-show'], scope: ['范围', 'Showing'], allOfCenter: ['本中心全部', 'All of the center'], myWindows: ['我的窗口（含顶岗）', 'My windows (incl. standing in)'],
    firstInquiry: ['我首问受理的', 'Cases I took first'], referral: ['出具转办单', 'Referral slip'], chief: ['首席代表', 'Chief representative'],
    referTo: ['转往', 'Refer to'], slipTitle: ['转办单', 'Referral slip'], slipText: ['请持本单前往下列窗口办理：', 'Please take this slip to:'],
    visitorOpt: ['来访人（可选）', 'Visitor (optional)'], noteOpt: ['事由（可选）', 'About (optional)'], issue: ['出具', 'Issue'],
    detail: ['详情', 'Detail'], source: ['来源', 'Source'], chainOk: ['审计链完整', 'Audit chain intact'], chainBroken: ['审计链在此处被破坏：', 'Audit chain broken at entry '],
};
export const ACTIONS = {
    submit: ['提交申请', 'Submitted'], notice: ['一次性告知', 'One-time notice'], supplement: ['补正材料', 'Supplemented'],
    accept: ['受理', 'Accepted'], 'not-accept': ['不予受理', 'Not accepted'], 'start-review': ['开始审查', 'Review started'],
    pause: ['暂停计时', 'Clock paused'], resume: ['恢复计时', 'Clock resumed'], extend: ['延期', 'Extended'],
    opinion: ['联办意见', 'Joint opinion'], approve: ['准予办理', 'Approved'], deny: ['不予许可', 'Denied'],
    deliver: ['送达办结', 'Delivered'], withdraw: ['撤回', 'Withdrawn'], 'relay-in': ['上级中心签收', 'Received above'],
    'relay-forward': ['转报上级', 'Forwarded up'], 'relay-receipt': ['收到签收回执', 'Receipt came back'],
    reply: ['办理结果回复', 'Decision came back'], 'joint-default': ['超时默认同意', 'Deemed consent'],
    rate: ['服务评价', 'Rated'], 'rating-annulled': ['评价经申诉撤销', 'Rating annulled on appeal'], complaint: ['收到投诉', 'Complaint received'],
    open: ['差评待整改', 'Rectification opened'], verify: ['核实', 'Verified'], rectify: ['整改', 'Rectified'], visit: ['回访', 'Visited'],
    close: ['办结', 'Closed'], appeal: ['申诉', 'Appealed'], uphold: ['申诉成立', 'Appeal upheld'], reject: ['申诉驳回', 'Appeal rejected'],
    receive: ['受理投诉', 'Received'], refer: ['转办', 'Referred'], answer: ['答复', 'Answered'], 'follow-up': ['回访', 'Followed up'],
};
export const STATUS = {
    SUBMITTED: ['已提交', 'Submitted'], AWAITING_SUPPLEMENT: ['待补正', 'Awaiting materials'], ACCEPTED: ['已受理', 'Accepted'],
    IN_REVIEW: ['审查中', 'In review'], PAUSED: ['暂停计时', 'Paused'], APPROVED: ['准予办理', 'Approved'], DENIED: ['不予许可', 'Denied'],
    DELIVERED: ['已办结', 'Delivered'], NOT_ACCEPTED: ['不予受理', 'Not accepted'], WITHDRAWN: ['已撤回', 'Withdrawn'],
    RELAYING: ['报送中', 'Travelling up'],
};
export const RATING = {VERY_SATISFIED: ['非常满意', 'Very satisfied'], SATISFIED: ['满意', 'Satisfied'],
    BASICALLY_SATISFIED: ['基本满意', 'Basically satisfied'], DISSATISFIED: ['不满意', 'Dissatisfied'], VERY_DISSATISFIED: ['非常不满意', 'Very dissatisfied']};
export const INDICATORS = {overall: ['整体满意度', 'Overall'], efficiency: ['服务效率', 'Efficiency'], quality: ['服务水平', 'Quality'], attitude: ['服务态度', 'Attitude']};
export const CATEGORY = {ATTITUDE: ['服务态度', 'Attitude'], RULES: ['不按规定办事', 'Not following the rules'], FEES: ['乱收费', 'Improper fees'],
    INTEGRITY: ['吃拿卡要 / 廉政', 'Corruption'], OTHER: ['其他', 'Other']};
export const FEEDBACK_STATUS = {OPEN: ['待核实', 'Open'], VERIFIED: ['已核实', 'Verified'], RECTIFIED: ['已整改', 'Rectified'], VISITED: ['已回访', 'Visited'],
    CLOSED: ['已办结', 'Closed'], APPEALED: ['申诉中', 'Appealed'], ANNULLED: ['申诉成立，评价撤销', 'Annulled on appeal'],
    RECEIVED: ['已受理', 'Received'], REFERRED: ['已转办', 'Referred'], ANSWERED: ['已答复', 'Answered']};
export const WHEREABOUTS = {MEETING: ['会议', 'Meeting'], VILLAGE_VISIT: ['下村入户', 'Visiting villages'], LEAVE: ['请假', 'On leave'],
    TRAINING: ['培训', 'Training'], OTHER: ['其他', 'Other']};
export const HANDLING = {IMMEDIATE: ['即办件', 'Immediate'], PROMISED: ['承诺件', 'Promised'], JOINT: ['联办件', 'Joint'],
    REPORT_UP: ['上报件', 'Report-up'], CONTROLLED: ['控制件', 'Controlled']};
export const LEVEL = {COUNTY: ['县', 'County'], TOWN: ['乡镇', 'Town'], VILLAGE: ['村', 'Village']};

export let lang = localStorage.getItem('yzLang') === 'en' ? 'en' : 'zh';
const i = () => (lang === 'zh' ? 0 : 1);
export const w = (k) => (W[k] ? W[k][i()] : k);
export const from = (table, k) => (table[k] ? table[k][i()] : (k ?? ''));
/** A heading: the chosen language first, the other beside it. */
export const both = (k) => `${esc(W[k][i()])} <span class="en">${esc(W[k][1 - i()])}</span>`;

/**
 * A text the platform wrote in both languages ("Accepted; receipt issued … (R12) 受理并出具受理通知书",
 * "result handed over 告知办理结果: T1") in the chosen one only, without rule ids; any other text as it is.
 */
export function oneLanguage(text) {
    if (!text) return text;
    const t = String(text).replace(/\s*\((?:R\d+)(?:,\s*R\d+)*\)/g, '');
    const m = t.match(/^([^\u3400-\u9fff]*[A-Za-z][^\u3400-\u9fff]*?)\s+([\u3400-\u9fff][^:：]*?)(?:\s*[:：]\s*([\s\S]*))?$/);
    if (!m) return t;
    return (lang === 'zh' ? m[2] : m[1]) + (m[3] !== undefined ? (lang === 'zh' ? '：' : ': ') + m[3] : '');
}

/** Switches the language (remembered in this browser). */
export function setLang(l) {
    lang = l;
    localStorage.setItem('yzLang', l);
}
