package org.yizhan.core.internal.feedback;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.feedback.ComplaintActionDTO;
import org.yizhan.api.feedback.ComplaintCategory;
import org.yizhan.api.feedback.ComplaintDTO;
import org.yizhan.api.feedback.ComplaintInput;
import org.yizhan.api.feedback.ComplaintService;
import org.yizhan.api.feedback.DueDateDTO;
import org.yizhan.api.feedback.PublicComplaintDTO;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.NetworkService;
import org.yizhan.core.internal.Jpa;
import org.yizhan.core.internal.PlatformConfig;
import org.yizhan.core.internal.alert.Thresholds;
import org.yizhan.core.internal.calendar.Calendars;
import org.yizhan.core.internal.cases.CaseNotes;
import org.yizhan.core.internal.common.IdNumbers;
import org.yizhan.core.internal.entity.ComplaintEntity;
import org.yizhan.core.internal.network.WindowTypes;
import org.yizhan.core.internal.stats.Tallies;
import org.yizhan.core.internal.stats.Visibility;

/**
 * Complaints (R22): recorded by the complaint office (supervisors) or filed by the public on the
 * web; answered on the spot or within 5 working days, a proposal within 2 working days where
 * another agency must act, a written answer to a written complaint, and a follow-up with the
 * complainant. Deadlines on the complained-about center's calendar, watched like a case's.
 */
@Component(service = ComplaintService.class, configurationPid = PlatformConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class ComplaintServiceImpl implements ComplaintService {

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintServiceImpl.class);
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,40}");
    private static final Map<String, List<String>> NEXT = Map.of(
            "RECEIVED", List.of("answer", "refer"),
            "REFERRED", List.of("answer"),
            "ANSWERED", List.of("follow-up"),
            "CLOSED", List.of());

    private final Jpa jpa;
    private final CaseNotes cases;
    private final NetworkService network;
    private final WindowTypes windowTypes;
    private final Calendars calendars;
    private final Thresholds thresholds;
    private final ZoneId zone;
    private final int answerDays;
    private final int proposalDays;

    @Activate
    public ComplaintServiceImpl(@Reference Jpa jpa, @Reference CaseNotes cases, @Reference NetworkService network,
                                @Reference WindowTypes windowTypes, @Reference Calendars calendars, @Reference Thresholds thresholds,
                                @Reference FeedbackSettings settings, PlatformConfig platform) {
        FeedbackConfig config = settings.config;
        this.jpa = jpa;
        this.cases = cases;
        this.network = network;
        this.windowTypes = windowTypes;
        this.calendars = calendars;
        this.thresholds = thresholds;
        this.zone = ZoneId.of(platform.zone());
        this.answerDays = Math.max(1, config.complaintAnswerWorkingDays());
        this.proposalDays = Math.max(1, config.complaintProposalWorkingDays());
    }

    private static boolean office(Caller c) {
        return c.hasAny(Caller.SUPERVISOR, Caller.COUNTY_ADMIN);
    }

    @Override
    public ComplaintDTO record(Caller caller, ComplaintInput in) {
        if (!office(caller)) {
            throw YizhanException.forbidden("Complaints are recorded by the complaint office (supervisors)", "投诉由投诉受理人员（监察）登记");
        }
        Valid v = validate(in, false);
        if (!network.subtree(caller.centerId()).contains(v.center.id)) {
            throw YizhanException.forbidden("Center " + v.center.id + " is outside your centers", "该中心不在您的管辖范围内");
        }
        String today = LocalDate.now(zone).toString();
        return create(caller, v, "OFFICE", e -> dto(e, caller, today, true));
    }

    @Override
    public PublicComplaintDTO file(ComplaintInput in) {
        Valid v = validate(in, true);
        Caller web = new Caller("complainant", java.util.Set.of(), v.center.id, "public");
        return create(web, v, "WEB", e -> {
            PublicComplaintDTO p = publicDto(e);
            p.lookupCode = e.getLookupCode();
            return p;
        });
    }

    private record Valid(ComplaintCategory category, String form, boolean serious, String text, CenterDTO center, String windowType,
                         String caseNumber, String staff, String name, String phone) {
    }

    private Valid validate(ComplaintInput in, boolean web) {
        Fields f = new Fields();
        if (in == null) {
            f.error("category", "category is required", "投诉类别不能为空");
            f.check();
        }
        ComplaintCategory category = f.oneOf("category", in.category, ComplaintCategory.class, true);
        String form = web ? "WRITTEN" : null;
        if (!web || in.form != null) {
            String given = in.form == null ? null : in.form.trim().toUpperCase(java.util.Locale.ROOT);
            if (given == null || !List.of("ORAL", "WRITTEN").contains(given)) {
                f.error("form", "form must be ORAL or WRITTEN", "投诉形式须为 ORAL（口头）或 WRITTEN（书面）");
            } else if (web && "ORAL".equals(given)) {
                f.error("form", "A complaint filed on the web is written", "网上投诉为书面投诉");
            } else {
                form = given;
            }
        }
        boolean serious = Boolean.TRUE.equals(in.serious);
        String text = f.text("text", in.text, 2000, true);
        CenterDTO center = null;
        if (in.centerId == null) {
            f.error("centerId", "centerId is required: the center complained about", "被投诉的中心不能为空");
        } else {
            center = network.center(in.centerId).orElse(null);
            if (center == null) {
                f.error("centerId", "No center " + in.centerId, "中心不存在：" + in.centerId);
            }
        }
        String window = f.text("windowType", in.windowType, 64, false);
        if (window != null && windowTypes.windowType(window).isEmpty()) {
            f.error("windowType", "No window type " + window, "窗口类型不存在：" + window);
        }
        String caseNumber = f.text("caseNumber", in.caseNumber, 40, false);
        if (caseNumber != null && !CASE_NUMBER.matcher(caseNumber).matches()) {
            f.error("caseNumber", "A case number is letters, digits and '-'", "办件编号只含字母、数字和“-”");
        }
        String staff = f.text("staff", in.staff, 64, false);
        String name = null;
        String phone = null;
        if (in.complainant == null) {
            f.error("complainant", "The complainant's name (and on the web a phone) is needed for the answer and the follow-up",
                    "须留投诉人姓名（网上投诉另须电话），以便答复和回访");
        } else {
            name = f.text("complainant.name", in.complainant.name, 50, true);
            phone = f.text("complainant.phone", in.complainant.phone, 20, web);
            if (phone != null && !org.yizhan.core.internal.cases.CaseValidation.PHONE.matcher(phone).matches()) {
                f.error("complainant.phone", "A phone number is 5 to 20 digits, spaces, +, - or ()", "电话号码格式不正确");
            }
        }
        f.check();
        // R22: a complaint of corruption, or one the complainant marks serious, is made in writing
        if ((category == ComplaintCategory.INTEGRITY || serious) && !"WRITTEN".equals(form)) {
            throw YizhanException.rule("R22", "form", "A complaint of corruption or a serious complaint must be written",
                    "廉政投诉和重大投诉须为书面投诉");
        }
        return new Valid(category, form, serious, text, center, window, caseNumber, staff, name, phone);
    }

    private <T> T create(Caller by, Valid v, String channel, java.util.function.Function<ComplaintEntity, T> answer) {
        return CaseNotes.retrying(() -> jpa.tx(em -> answer.apply(createOnce(em, by, v, channel))));
    }

    private ComplaintEntity createOnce(EntityManager em, Caller by, Valid v, String channel) {
        boolean office = "OFFICE".equals(channel);
        String caseNumber = v.caseNumber;
        if (caseNumber != null && office) {
            // the office links it to a case it can see (404 otherwise); the public's is kept as they gave it
            caseNumber = cases.facts(em, by, caseNumber, null).number();
        }
        LocalDate today = LocalDate.now(zone);
        long now = System.currentTimeMillis();
        Due due = Due.after(calendars.calendarOf(v.center.id), thresholds, v.center.code, today, answerDays);
        Due proposal = Due.after(calendars.calendarOf(v.center.id), thresholds, v.center.code, today, proposalDays);
        ComplaintEntity e = new ComplaintEntity();
        e.setNumber("TS" + today.getYear() + "-" + String.format("%05d", CaseNotes.next(em, "COMPLAINT-" + today.getYear())));
        e.setLookupCode(CaseNotes.lookupCode());
        e.setCategory(v.category.name());
        e.setForm(v.form);
        e.setSerious(v.serious);
        e.setStatus("RECEIVED");
        e.setCenterId(v.center.id);
        e.setWindowType(v.windowType);
        e.setCaseNumber(caseNumber);
        e.setStaff(v.staff);
        e.setComplainantName(v.name);
        e.setComplainantPhone(v.phone);
        e.setChannel(channel);
        e.setRecordedBy(office ? by.user() : null);
        e.setReceivedAtMillis(now);
        e.setReceivedDay(today.toString());
        e.setDueDate(due.date().toString());
        e.setDueEstimated(due.estimated());
        e.setProposalDue(proposal.date().toString());
        e.setYellowDate(due.yellow().toString());
        e.setText(v.text);
        e.setSteps(Steps.append(null, by, office ? null : "complainant", "receive", null, "RECEIVED",
                (office ? "Recorded by the complaint office " : "Filed on the web ") + v.form + "; answer due " + due.date()
                        + " 受理投诉，答复期限 " + due.date(), now));
        em.persist(e);
        if (caseNumber != null && office) {
            cases.note(em, caseNumber, by, null, "complaint", "Complaint " + e.getNumber() + " recorded: " + v.category.zh() + " 受理投诉",
                    Map.of("complaint", e.getNumber(), "category", v.category.name()), null);
        }
        cases.event(em, e.getNumber(), v.center.code, "complaint-received", payload(e, v.center.code));
        em.flush();
        LOG.info("Complaint {} received ({}, {}, center {}) / 受理投诉", e.getNumber(), v.category, channel, v.center.code);
        return e;
    }

    /** What integrators' routes get of a complaint: no one's name or phone. */
    private static Map<String, String> payload(ComplaintEntity e, String centerCode) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("complaint", e.getNumber());
        p.put("category", e.getCategory());
        p.put("form", e.getForm());
        p.put("status", e.getStatus());
        p.put("center", centerCode);
        if (e.getWindowType() != null) {
            p.put("windowType", e.getWindowType());
        }
        if (e.getCaseNumber() != null) {
            p.put("caseNumber", e.getCaseNumber());
        }
        p.put("dueDate", e.getDueDate());
        if (e.getUpheld() != null) {
            p.put("upheld", e.getUpheld().toString());
        }
        return p;
    }

    @Override
    public List<ComplaintDTO> list(Caller caller, Long center, String status) {
        requireReader(caller);
        if (status != null && !NEXT.containsKey(status)) {
            throw YizhanException.badInput("status", "status must be one of " + NEXT.keySet(), "status 须为 " + NEXT.keySet() + " 之一");
        }
        List<Long> centers = new ArrayList<>(Visibility.centers(network, caller, center));
        String today = LocalDate.now(zone).toString();
        return jpa.read(em -> {
            TypedQuery<ComplaintEntity> q = em.createQuery("SELECT c FROM ComplaintEntity c WHERE c.centerId IN :centers"
                    + (status == null ? "" : " AND c.status = :status") + " ORDER BY c.dueDate, c.number", ComplaintEntity.class)
                    .setParameter("centers", centers).setMaxResults(500);
            if (status != null) {
                q.setParameter("status", status);
            }
            return q.getResultList().stream().map(c -> dto(c, caller, today, false)).toList();
        });
    }

    /** The complaint office, and a town's admin for the complaints about its centers (read only). */
    private static void requireReader(Caller c) {
        if (!c.hasAny(Caller.SUPERVISOR, Caller.COUNTY_ADMIN, Caller.TOWN_ADMIN)) {
            throw YizhanException.forbidden("Complaints are for the complaint office and the centers' admins", "投诉仅限投诉受理人员和中心管理员查看");
        }
    }

    @Override
    public ComplaintDTO get(Caller caller, String number) {
        requireReader(caller);
        String today = LocalDate.now(zone).toString();
        return jpa.read(em -> dto(load(em, caller, number), caller, today, false));
    }

    private ComplaintEntity load(EntityManager em, Caller caller, String number) {
        ComplaintEntity e = number == null ? null : em.find(ComplaintEntity.class, number);
        if (e == null || !network.subtree(caller.centerId()).contains(e.getCenterId())) {
            throw YizhanException.notFound("No complaint " + number, "投诉不存在：" + number);
        }
        return e;
    }

    @Override
    public ComplaintDTO act(Caller caller, String number, String action, ComplaintActionDTO body) {
        if (!office(caller)) {
            throw YizhanException.forbidden("Complaints are handled by the complaint office (supervisors)", "投诉由投诉受理人员（监察）办理");
        }
        ComplaintActionDTO b = body == null ? new ComplaintActionDTO() : body;
        Fields f = new Fields();
        String text = f.text("text", b.text, 2000, true);
        String agency = f.text("agency", b.agency, 200, "refer".equals(action));
        if ("answer".equals(action) && b.upheld == null) {
            f.error("upheld", "Say whether the complaint was found justified (upheld true or false)", "须说明投诉是否属实（upheld）");
        }
        f.check();
        LocalDate todayDate = LocalDate.now(zone);
        String today = todayDate.toString();
        return jpa.tx(em -> {
            ComplaintEntity e = load(em, caller, number);
            String from = e.getStatus();
            if (!NEXT.getOrDefault(from, List.of()).contains(action)) {
                throw YizhanException.conflict(from, "Action '" + action + "' is not allowed while the complaint is " + from
                        + "; allowed: " + NEXT.get(from), "投诉当前状态（" + from + "）不允许此操作");
            }
            long now = System.currentTimeMillis();
            String to;
            String note;
            switch (action) {
                case "refer" -> {
                    to = "REFERRED";
                    e.setReferredTo(agency);
                    e.setProposal(text);
                    boolean late = today.compareTo(e.getProposalDue()) > 0;
                    note = "Referred to " + agency + (late ? " after the proposal's due date " + e.getProposalDue() + " 转办逾期"
                            : " within the proposal's time limit 按时提出转办意见") + ": " + text;
                }
                case "answer" -> {
                    boolean spot = Boolean.TRUE.equals(b.onTheSpot);
                    if (spot && !today.equals(e.getReceivedDay())) {
                        throw YizhanException.rule("R22", "onTheSpot", "An answer on the spot is given the day the complaint was received",
                                "当场答复须在受理当日");
                    }
                    to = "ANSWERED";
                    e.setAnswer(text);
                    e.setAnsweredDay(today);
                    e.setOnTheSpot(spot);
                    e.setUpheld(b.upheld);
                    note = (spot ? "Answered on the spot 当场答复" : "Answered 已答复") + (b.upheld ? " (upheld 投诉属实)" : " (not upheld 投诉不属实)")
                            + ": " + text;
                }
                default -> {
                    to = "CLOSED";
                    e.setFollowUp(text);
                    e.setClosedDay(today);
                    note = "Followed up with the complainant 已回访: " + text;
                }
            }
            e.setStatus(to);
            e.setSteps(Steps.append(e.getSteps(), caller, null, action, from, to, note, now));
            if (!"follow-up".equals(action)) {
                String code = network.center(e.getCenterId()).map(c -> c.code).orElse("");
                cases.event(em, e.getNumber(), code, "refer".equals(action) ? "complaint-referred" : "complaint-answered", payload(e, code));
            }
            em.flush();
            LOG.info("Complaint {}: {} by {} -> {} / 投诉办理", number, action, caller.user(), to);
            return dto(e, caller, today, false);
        });
    }

    @Override
    public PublicComplaintDTO lookup(String number, String lookupCode) {
        return jpa.read(em -> {
            ComplaintEntity e = number == null ? null : em.find(ComplaintEntity.class, number.trim());
            if (e == null || lookupCode == null || !e.getLookupCode().equalsIgnoreCase(lookupCode.trim())) {
                throw YizhanException.notFound("No complaint with that number and lookup code", "投诉编号或查询码不正确");
            }
            return publicDto(e);
        });
    }

    @Override
    public String letter(Caller caller, String number) {
        requireReader(caller);
        return jpa.read(em -> {
            ComplaintEntity e = load(em, caller, number);
            if (!"WRITTEN".equals(e.getForm()) || e.getAnswer() == null) {
                throw YizhanException.conflict(e.getStatus(), "A written answer is printed for a written complaint once it is answered",
                        "书面投诉答复后方可打印书面答复");
            }
            String center = network.center(e.getCenterId()).map(c -> c.name).orElse("");
            return Letter.html(e, ComplaintCategory.valueOf(e.getCategory()), center);
        });
    }

    private static PublicComplaintDTO publicDto(ComplaintEntity e) {
        PublicComplaintDTO p = new PublicComplaintDTO();
        p.number = e.getNumber();
        p.category = ComplaintCategory.valueOf(e.getCategory());
        p.categoryZh = p.category.zh();
        p.status = e.getStatus();
        p.receivedOn = e.getReceivedDay();
        p.dueDate = new DueDateDTO(e.getDueDate(), e.isDueEstimated());
        p.referred = e.getReferredTo() != null;
        p.answer = e.getAnswer();
        p.answeredOn = e.getAnsweredDay();
        return p;
    }

    /** The office sees the complainant in full while it handles the complaint; a town admin sees them masked. */
    private static ComplaintDTO dto(ComplaintEntity e, Caller caller, String today, boolean withCode) {
        ComplaintDTO d = new ComplaintDTO();
        d.number = e.getNumber();
        d.lookupCode = withCode ? e.getLookupCode() : null;
        d.category = ComplaintCategory.valueOf(e.getCategory());
        d.categoryZh = d.category.zh();
        d.form = e.getForm();
        d.serious = e.isSerious();
        d.status = e.getStatus();
        d.text = e.getText();
        d.centerId = e.getCenterId();
        d.windowType = e.getWindowType();
        d.caseNumber = e.getCaseNumber();
        d.staff = e.getStaff();
        boolean full = office(caller);
        d.complainantName = full ? e.getComplainantName() : IdNumbers.maskName(e.getComplainantName());
        d.complainantPhone = full ? e.getComplainantPhone() : IdNumbers.maskPhone(e.getComplainantPhone());
        d.channel = e.getChannel();
        d.recordedBy = e.getRecordedBy();
        d.receivedOn = e.getReceivedDay();
        d.dueDate = new DueDateDTO(e.getDueDate(), e.isDueEstimated());
        d.proposalDue = new DueDateDTO(e.getProposalDue(), e.isDueEstimated());
        if (Tallies.OPEN_COMPLAINTS.contains(e.getStatus())) {
            d.alertLevel = Tallies.level(today, e.getYellowDate(), e.getDueDate());
        }
        d.referredTo = e.getReferredTo();
        d.proposal = e.getProposal();
        d.answer = e.getAnswer();
        d.answeredOn = e.getAnsweredDay();
        d.onTheSpot = e.getOnTheSpot();
        d.upheld = e.getUpheld();
        d.followUp = e.getFollowUp();
        if (full) {
            d.actions.addAll(NEXT.getOrDefault(e.getStatus(), List.of()));
        }
        d.history.addAll(Steps.read(e.getSteps()));
        return d;
    }
}
