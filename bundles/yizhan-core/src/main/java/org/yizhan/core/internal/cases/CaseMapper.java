package org.yizhan.core.internal.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.LongFunction;

import org.yizhan.api.cases.ApplicantDTO;
import org.yizhan.api.cases.CaseDTO;
import org.yizhan.api.cases.CaseEventDTO;
import org.yizhan.api.cases.CaseStatus;
import org.yizhan.api.cases.FeeRecordDTO;
import org.yizhan.api.cases.OpinionDTO;
import org.yizhan.api.cases.PauseKind;
import org.yizhan.api.cases.PublicCaseDTO;
import org.yizhan.core.internal.common.Codes;
import org.yizhan.core.internal.common.EventData;
import org.yizhan.core.internal.common.IdNumbers;
import org.yizhan.core.internal.entity.CaseEntity;
import org.yizhan.core.internal.entity.CaseEventEntity;
import org.yizhan.core.internal.entity.FeeRecord;
import org.yizhan.core.internal.entity.Opinion;

/**
 * The one place a case's fields are copied: row to state and back, state to the staff's and the
 * public's view, history rows to events and back. (The relay snapshot is {@link RelaySnapshot}.)
 */
final class CaseMapper {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private CaseMapper() {
    }

    // ------------------------------------------------------------------ row <-> state

    static CaseState read(CaseEntity e) {
        CaseState s = new CaseState();
        s.number = e.getNumber();
        s.lookupCode = e.getLookupCode();
        s.itemCode = e.getItemCode();
        s.itemVersion = e.getItemVersion();
        s.itemName = e.getItemName();
        s.centerId = e.getCenterId();
        s.decidingCenterId = e.getDecidingCenterId();
        s.windowType = e.getWindowType();
        s.handlingClass = e.getHandlingClass();
        s.status = CaseStatus.valueOf(e.getStatus());
        s.urgent = e.isUrgent();
        s.applicantName = e.getApplicantName();
        s.applicantIdType = e.getApplicantIdType();
        s.applicantIdNumber = e.getApplicantIdNumber();
        s.applicantPhone = e.getApplicantPhone();
        s.materials = new LinkedHashSet<>(Codes.split(e.getMaterials()));
        s.missing = new LinkedHashSet<>(Codes.split(e.getMissingMaterials()));
        s.notice = new LinkedHashSet<>(Codes.split(e.getNoticeMaterials()));
        s.jointWindows = Codes.split(e.getJointWindows());
        s.attributes = new LinkedHashMap<>(e.getAttributes());
        s.createdAtMillis = e.getCreatedAtMillis();
        s.createdBy = e.getCreatedBy();
        s.acceptedAtMillis = e.getAcceptedAtMillis();
        s.promisedDate = date(e.getPromisedDate());
        s.promisedDateEstimated = e.isPromisedDateEstimated();
        s.pauseKind = e.getPauseKind() == null ? null : PauseKind.valueOf(e.getPauseKind());
        s.pausedFrom = e.getPausedFrom() == null ? null : CaseStatus.valueOf(e.getPausedFrom());
        s.pausedOn = date(e.getPausedOn());
        s.firstInquiryStaff = e.getFirstInquiryStaff();
        s.notAcceptedReason = e.getNotAcceptedReason();
        s.redirectTo = e.getRedirectTo();
        for (FeeRecord f : e.getFees()) {
            s.fees.add(new CaseState.Fee(f.getItem(), f.getAmountFen(), f.getStandard(), f.getReceiptNumber(), f.getAtMillis()));
        }
        for (Opinion o : e.getOpinions()) {
            s.opinions.add(new CaseState.JointOpinion(o.getWindow(), o.getOpinion(), o.getReason(), o.getByUser(), o.getAtMillis()));
        }
        s.eventCount = e.getEventCount();
        s.lastHash = e.getLastHash();
        s.jointDeadline = date(e.getJointDeadline());
        s.decidedAtMillis = e.getDecidedAtMillis();
        s.onTime = e.getOnTime();
        s.relayDue = date(e.getRelayDue());
        return s;
    }

    static void write(CaseState s, CaseEntity e) {
        e.setNumber(s.number);
        e.setLookupCode(s.lookupCode);
        e.setItemCode(s.itemCode);
        e.setItemVersion(s.itemVersion);
        e.setItemName(s.itemName);
        e.setCenterId(s.centerId);
        e.setDecidingCenterId(s.decidingCenterId);
        e.setWindowType(s.windowType);
        e.setHandlingClass(s.handlingClass);
        e.setStatus(s.status.name());
        e.setUrgent(s.urgent);
        e.setApplicantName(s.applicantName);
        e.setApplicantIdType(s.applicantIdType);
        e.setApplicantIdNumber(s.applicantIdNumber);
        e.setApplicantPhone(s.applicantPhone);
        e.setMaterials(String.join(",", s.materials));
        e.setMissingMaterials(String.join(",", s.missing));
        e.setNoticeMaterials(String.join(",", s.notice));
        e.setJointWindows(String.join(",", s.jointWindows));
        // the collections are written back only when they changed: setting one makes the
        // persistence layer delete and insert all its rows again
        if (!s.attributes.equals(e.getAttributes())) {
            e.setAttributes(new LinkedHashMap<>(s.attributes));
        }
        e.setCreatedAtMillis(s.createdAtMillis);
        e.setCreatedBy(s.createdBy);
        e.setAcceptedAtMillis(s.acceptedAtMillis);
        e.setPromisedDate(text(s.promisedDate));
        e.setPromisedDateEstimated(s.promisedDateEstimated);
        e.setPauseKind(s.pauseKind == null ? null : s.pauseKind.name());
        e.setPausedFrom(s.pausedFrom == null ? null : s.pausedFrom.name());
        e.setPausedOn(text(s.pausedOn));
        e.setFirstInquiryStaff(s.firstInquiryStaff);
        e.setNotAcceptedReason(s.notAcceptedReason);
        e.setRedirectTo(s.redirectTo);
        if (!sameFees(s.fees, e.getFees())) {
            List<FeeRecord> fees = new ArrayList<>();
            for (CaseState.Fee f : s.fees) {
                FeeRecord r = new FeeRecord();
                r.setItem(f.item());
                r.setAmountFen(f.amountFen());
                r.setStandard(f.standard());
                r.setReceiptNumber(f.receiptNumber());
                r.setAtMillis(f.atMillis());
                fees.add(r);
            }
            e.setFees(fees);
        }
        if (!sameOpinions(s.opinions, e.getOpinions())) {
            List<Opinion> opinions = new ArrayList<>();
            for (CaseState.JointOpinion o : s.opinions) {
                Opinion r = new Opinion();
                r.setWindow(o.window());
                r.setOpinion(o.opinion());
                r.setReason(o.reason());
                r.setByUser(o.by());
                r.setAtMillis(o.atMillis());
                opinions.add(r);
            }
            e.setOpinions(opinions);
        }
        e.setEventCount(s.eventCount);
        e.setLastHash(s.lastHash);
        e.setJointDeadline(text(s.jointDeadline));
        e.setDecidedAtMillis(s.decidedAtMillis);
        e.setOnTime(s.onTime);
        e.setRelayDue(text(s.relayDue));
    }

    private static boolean sameFees(List<CaseState.Fee> state, List<FeeRecord> rows) {
        if (rows == null || rows.size() != state.size()) {
            return false;
        }
        for (int i = 0; i < state.size(); i++) {
            FeeRecord r = rows.get(i);
            if (!state.get(i).equals(new CaseState.Fee(r.getItem(), r.getAmountFen(), r.getStandard(), r.getReceiptNumber(),
                    r.getAtMillis()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameOpinions(List<CaseState.JointOpinion> state, List<Opinion> rows) {
        if (rows == null || rows.size() != state.size()) {
            return false;
        }
        for (int i = 0; i < state.size(); i++) {
            Opinion r = rows.get(i);
            if (!state.get(i).equals(new CaseState.JointOpinion(r.getWindow(), r.getOpinion(), r.getReason(), r.getByUser(),
                    r.getAtMillis()))) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ history rows <-> events

    static CaseEvent event(CaseEventEntity r) {
        CaseEvent ev = new CaseEvent(r.getAction(), r.getFromStatus(), r.getToStatus(), r.getReason(), EventData.decode(r.getData()));
        ev.seq = r.getSeq();
        ev.atMillis = r.getAtMillis();
        ev.actor = r.getActor();
        ev.role = r.getRole();
        ev.centerId = r.getCenterId();
        ev.hash = r.getHash();
        ev.prevHash = r.getPrevHash();
        return ev;
    }

    static CaseEventEntity row(String number, CaseEvent ev) {
        CaseEventEntity r = new CaseEventEntity();
        r.setId(number + "#" + ev.seq);
        r.setCaseNumber(number);
        r.setSeq(ev.seq);
        r.setAtMillis(ev.atMillis);
        r.setActor(ev.actor);
        r.setRole(ev.role);
        r.setCenterId(ev.centerId);
        r.setAction(ev.action);
        r.setFromStatus(ev.from);
        r.setToStatus(ev.to);
        r.setReason(ev.reason);
        r.setData(EventData.encode(ev.data));
        r.setHash(ev.hash);
        r.setPrevHash(ev.prevHash);
        return r;
    }

    // ------------------------------------------------------------------ views

    /** The staff's view; {@code history} null in lists. The alert level and joint deadline come from the row. */
    static CaseDTO toDTO(CaseState s, List<CaseEvent> history, CaseEntity row) {
        return toDTO(s, history, row.getAlertLevel(), row.getJointDeadline());
    }

    static CaseDTO toDTO(CaseCache.Entry c) {
        return toDTO(c.state(), c.history(), c.alertLevel(), c.jointDeadline());
    }

    private static CaseDTO toDTO(CaseState s, List<CaseEvent> history, String alertLevel, String jointDeadline) {
        CaseDTO d = new CaseDTO();
        d.number = s.number;
        d.lookupCode = s.lookupCode;
        d.itemCode = s.itemCode;
        d.itemVersion = s.itemVersion;
        d.itemName = s.itemName;
        d.centerId = s.centerId;
        d.decidingCenterId = s.decidingCenterId;
        d.windowType = s.windowType;
        d.handlingClass = s.handlingClass;
        d.status = s.status;
        d.urgent = s.urgent;
        ApplicantDTO a = new ApplicantDTO();
        a.name = s.applicantName;
        a.idType = s.applicantIdType;
        a.idNumberMasked = IdNumbers.mask(s.applicantIdNumber);
        a.phone = s.applicantPhone;
        d.applicant = a;
        d.materials.addAll(s.materials);
        d.missingMaterials.addAll(s.missing);
        d.noticeMaterials.addAll(s.notice);
        d.attributes.putAll(s.attributes);
        d.createdAt = instantText(s.createdAtMillis);
        d.acceptedAt = instant(s.acceptedAtMillis);
        d.promisedDate = text(s.promisedDate);
        d.promisedDateEstimated = s.promisedDate == null ? null : s.promisedDateEstimated;
        d.pauseKind = s.pauseKind == null ? null : s.pauseKind.name();
        d.firstInquiryStaff = s.firstInquiryStaff;
        d.notAcceptedReason = s.notAcceptedReason;
        d.redirectTo = s.redirectTo;
        d.fees.addAll(fees(s));
        d.jointWindows.addAll(s.jointWindows);
        for (CaseState.JointOpinion o : s.opinions) {
            OpinionDTO od = new OpinionDTO();
            od.window = o.window();
            od.opinion = o.opinion();
            od.reason = o.reason();
            od.by = o.by();
            od.at = instantText(o.atMillis());
            d.opinions.add(od);
        }
        d.history = history == null ? null : history.stream().map(CaseMapper::toDTO).toList();
        d.alertLevel = alertLevel;
        d.jointDeadline = jointDeadline;
        return d;
    }

    static CaseEventDTO toDTO(CaseEvent ev) {
        CaseEventDTO d = new CaseEventDTO();
        d.seq = ev.seq;
        d.at = instantText(ev.atMillis);
        d.actor = ev.actor;
        d.role = ev.role;
        d.centerId = ev.centerId;
        d.action = ev.action;
        d.from = ev.from;
        d.to = ev.to;
        d.reason = ev.reason;
        d.data = ev.data;
        d.hash = ev.hash;
        d.prevHash = ev.prevHash;
        return d;
    }

    /** The public's view (R30): the applicant's name masked, no identity number, no staff names. */
    static PublicCaseDTO toPublic(CaseState s, List<CaseEvent> history, LongFunction<String> centerName) {
        PublicCaseDTO p = new PublicCaseDTO();
        p.number = s.number;
        p.status = s.status;
        p.itemCode = s.itemCode;
        p.itemName = s.itemName;
        p.applicantMasked = IdNumbers.maskName(s.applicantName);
        p.acceptedAt = instant(s.acceptedAtMillis);
        p.promisedDate = text(s.promisedDate);
        p.promisedDateEstimated = s.promisedDate == null ? null : s.promisedDateEstimated;
        p.materialsReceived.addAll(s.materials);
        p.missingMaterials.addAll(s.missing);
        p.fees.addAll(fees(s));
        for (CaseEvent ev : history) {
            PublicCaseDTO.PublicEventDTO pe = new PublicCaseDTO.PublicEventDTO();
            pe.seq = ev.seq;
            pe.at = instantText(ev.atMillis);
            pe.action = ev.action;
            pe.from = ev.from;
            pe.to = ev.to;
            pe.centerName = ev.centerId == null ? null : centerName.apply(ev.centerId);
            p.history.add(pe);
        }
        return p;
    }

    private static List<FeeRecordDTO> fees(CaseState s) {
        List<FeeRecordDTO> list = new ArrayList<>();
        for (CaseState.Fee f : s.fees) {
            FeeRecordDTO d = new FeeRecordDTO();
            d.item = f.item();
            d.amountFen = f.amountFen();
            d.standard = f.standard();
            d.receiptNumber = f.receiptNumber();
            d.at = instantText(f.atMillis());
            list.add(d);
        }
        return list;
    }

    // ------------------------------------------------------------------ values

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String instant(Long millis) {
        return millis == null ? null : instantText(millis);
    }

    /** ISO 8601 with offset, in China Standard Time. */
    static String instantText(long millis) {
        return Instant.ofEpochMilli(millis).atZone(CHINA).toOffsetDateTime().toString();
    }
}
