package org.yizhan.rest.internal;

import org.yizhan.api.feedback.AssessmentService;
import org.yizhan.api.feedback.ComplaintService;
import org.yizhan.api.feedback.FeedbackService;
import org.yizhan.api.people.AppointmentService;
import org.yizhan.api.people.PeopleService;
import java.util.function.Supplier;

import org.yizhan.api.YizhanException;
import org.yizhan.api.account.AccountService;
import org.yizhan.api.audit.AuditService;
import org.yizhan.api.calendar.CalendarService;
import org.yizhan.api.cases.CaseService;
import org.yizhan.api.catalogue.CatalogueService;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.relay.RelayAdmin;
import org.yizhan.api.relay.RelayLinks;
import org.yizhan.api.relay.RelayService;
import org.yizhan.api.supervision.SupervisionService;
import org.yizhan.api.window.WindowService;

/**
 * The platform services the resources use, looked up at each request: when one is missing
 * (core stopping or updating) the request gets a 503 problem, not a stale object.
 */
public final class Services {

    private final Supplier<CaseService> cases;
    private final Supplier<NetworkService> network;
    private final Supplier<CatalogueService> catalogue;
    private final Supplier<CalendarService> calendar;
    private final Supplier<SupervisionService> supervision;
    private final Supplier<RelayService> relay;
    private final Supplier<RelayAdmin> relayAdmin;
    private final Supplier<RelayLinks> relayLinks;
    private final Supplier<WindowService> windows;
    private final Supplier<AccountService> accounts;
    private final Supplier<AuditService> audit;
    private final Supplier<FeedbackService> feedback;
    private final Supplier<ComplaintService> complaints;
    private final Supplier<AssessmentService> assessments;
    private final Supplier<PeopleService> people;
    private final Supplier<AppointmentService> appointments;

    public Services(Supplier<CaseService> cases, Supplier<NetworkService> network,
                    Supplier<CatalogueService> catalogue, Supplier<CalendarService> calendar,
                    Supplier<SupervisionService> supervision, Supplier<RelayService> relay, Supplier<RelayAdmin> relayAdmin, Supplier<RelayLinks> relayLinks,
                    Supplier<WindowService> windows, Supplier<AccountService> accounts, Supplier<AuditService> audit,
                    Supplier<FeedbackService> feedback, Supplier<ComplaintService> complaints, Supplier<AssessmentService> assessments,
                    Supplier<PeopleService> people, Supplier<AppointmentService> appointments) {
        this.people = people;
        this.appointments = appointments;
        this.feedback = feedback;
        this.complaints = complaints;
        this.assessments = assessments;
        this.accounts = accounts;
        this.audit = audit;
        this.windows = windows;
        this.relay = relay;
        this.relayAdmin = relayAdmin;
        this.relayLinks = relayLinks;
        this.cases = cases;
        this.network = network;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.supervision = supervision;
    }

    public SupervisionService supervision() {
        return require(supervision.get());
    }

    public RelayService relay() {
        return require(relay.get());
    }

    public RelayLinks relayLinks() {
        return require(relayLinks.get());
    }

    /** The relay bundle's routing; 503 when the relay feature is not installed. */
    public RelayAdmin relayAdmin() {
        return require(relayAdmin.get());
    }

    public AccountService accounts() {
        return require(accounts.get());
    }

    public FeedbackService feedback() {
        return require(feedback.get());
    }

    public ComplaintService complaints() {
        return require(complaints.get());
    }

    public AssessmentService assessments() {
        return require(assessments.get());
    }

    public PeopleService people() {
        return require(people.get());
    }

    public AppointmentService appointments() {
        return require(appointments.get());
    }

    public AuditService audit() {
        return require(audit.get());
    }

    public WindowService windows() {
        return require(windows.get());
    }

    public CaseService cases() {
        return require(cases.get());
    }

    public NetworkService network() {
        return require(network.get());
    }

    public CatalogueService catalogue() {
        return require(catalogue.get());
    }

    public CalendarService calendar() {
        return require(calendar.get());
    }

    /** The platform services that are not bound yet (empty when the API is fully ready). */
    public java.util.List<String> missing() {
        java.util.Map<String, Supplier<?>> all = new java.util.LinkedHashMap<>();
        all.put("CaseService", cases);
        all.put("NetworkService", network);
        all.put("CatalogueService", catalogue);
        all.put("CalendarService", calendar);
        all.put("SupervisionService", supervision);
        all.put("AccountService", accounts);
        all.put("AuditService", audit);
        all.put("WindowService", windows);
        all.put("RelayService", relay);
        all.put("RelayLinks", relayLinks);
        all.put("FeedbackService", feedback);
        all.put("ComplaintService", complaints);
        all.put("AssessmentService", assessments);
        all.put("PeopleService", people);
        all.put("AppointmentService", appointments);
        // the relay's own service, once its bundle is there (it is an optional feature)
        if (relayInstalled.getAsBoolean()) {
            all.put("RelayAdmin", relayAdmin);
        }
        java.util.List<String> missing = new java.util.ArrayList<>();
        all.forEach((name, service) -> {
            if (service.get() == null) {
                missing.add(name);
            }
        });
        return missing;
    }

    private java.util.function.BooleanSupplier relayInstalled = () -> false;

    /** Tells readiness whether the relay bundle is installed, so that its service is waited for too. */
    Services relayInstalled(java.util.function.BooleanSupplier installed) {
        this.relayInstalled = installed;
        return this;
    }

    private static <T> T require(T service) {
        if (service == null) {
            throw new Unavailable();
        }
        return service;
    }

    /** 503: the platform is starting, stopping or being updated. */
    public static final class Unavailable extends YizhanException {
        private static final long serialVersionUID = 1L;

        Unavailable() {
            super(503, "The platform is starting or being updated; try again shortly",
                    "平台正在启动或更新，请稍后重试", null, null, null, null);
        }
    }
}
