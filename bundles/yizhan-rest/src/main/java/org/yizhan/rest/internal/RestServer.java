package org.yizhan.rest.internal;

import java.time.Duration;
import java.util.List;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import javax.servlet.Servlet;

import org.apache.cxf.Bus;
import org.apache.cxf.bus.CXFBusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.apache.cxf.transport.DestinationFactoryManager;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.http.DestinationRegistryImpl;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.HealthService;
import org.yizhan.api.account.AccountService;
import org.yizhan.api.audit.AuditService;
import org.yizhan.api.feedback.AssessmentService;
import org.yizhan.api.feedback.ComplaintService;
import org.yizhan.api.feedback.FeedbackService;
import org.yizhan.api.people.AppointmentService;
import org.yizhan.api.people.PeopleService;
import org.yizhan.api.calendar.CalendarService;
import org.yizhan.api.cases.CaseService;
import org.yizhan.api.catalogue.CatalogueService;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.relay.RelayAdmin;
import org.yizhan.api.relay.RelayLinks;
import org.yizhan.api.relay.RelayService;
import org.yizhan.api.supervision.SupervisionService;
import org.yizhan.api.window.WindowService;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * Publishes the v1 API on CXF. The component owns its CXF bus, its HTTP destinations and the
 * servlet that serves them (in its own web context on the HTTP whiteboard), and takes all of them
 * down when it stops, so the REST bundle can be updated without leaving endpoints behind. Platform services are dynamic references: a missing core answers 503, it does not take
 * the API down.
 */
@Component(immediate = true, configurationPid = RestConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RestConfig.class)
public class RestServer {

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    /** The deepest valid request nests three levels; a hostile one may not hold the parser's stack. */
    static final int MAX_JSON_DEPTH = 32;
    /** The longest valid string is a 1,000-character reason or note; 64 K leaves room and bounds the rest. */
    static final int MAX_JSON_STRING = 65_536;
    static final int MAX_JSON_NUMBER = 30;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HealthService healthService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CaseService caseService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NetworkService networkService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CatalogueService catalogueService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CalendarService calendarService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SupervisionService supervisionService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RelayService relayService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RelayAdmin relayAdmin;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RelayLinks relayLinks;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile WindowService windowService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AccountService accountService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditService auditService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FeedbackService feedbackService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComplaintService complaintService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AssessmentService assessmentService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PeopleService peopleService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AppointmentService appointmentService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile io.micrometer.core.instrument.MeterRegistry meterRegistry;

    private static final String CONTEXT_NAME = "yizhan-api";

    private final Bus bus;
    private final Server server;
    private final List<ServiceRegistration<?>> registrations;

    @Activate
    public RestServer(BundleContext context, RestConfig config) {
        String version = context.getBundle().getVersion().toString();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(RestServer.class.getClassLoader());
        try {
            bus = new CXFBusFactory().createBus(Map.of(BundleContext.class, context));
            // the endpoints' HTTP destinations live in this component's registry, which its servlet serves
            DestinationRegistry endpoints = new DestinationRegistryImpl();
            HTTPTransportFactory httpTransport = new HTTPTransportFactory(endpoints);
            DestinationFactoryManager destinations = bus.getExtension(DestinationFactoryManager.class);
            for (String transportId : httpTransport.getTransportIds()) {
                destinations.registerDestinationFactory(transportId, httpTransport);
            }
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress(config.address());
            Services services = new Services(() -> caseService, () -> networkService, () -> catalogueService,
                    () -> calendarService, () -> supervisionService, () -> relayService, () -> relayAdmin, () -> relayLinks,
                    () -> windowService, () -> accountService, () -> auditService,
                    () -> feedbackService, () -> complaintService, () -> assessmentService, () -> peopleService,
                    () -> appointmentService)
                    .relayInstalled(() -> java.util.Arrays.stream(context.getBundles())
                            .anyMatch(b -> "yizhan-relay".equals(b.getSymbolicName()) && b.getState() != org.osgi.framework.Bundle.UNINSTALLED));
            RateLimits limits = new RateLimits(config.signInFailuresPerAddress(), Duration.ofSeconds(config.signInFailureWindowSeconds()),
                    config.lookupsPerAddress(), Duration.ofSeconds(config.lookupWindowSeconds()),
                    config.relayRefusalsPerAddress(), Duration.ofSeconds(config.relayRefusalWindowSeconds()));
            ObjectMapper json = objectMapper();
            Authenticator auth = new Authenticator(config.realm(), config.loginCacheSeconds() * 1000L, services, limits);
            MeResource me = new MeResource(services, auth);
            factory.setResourceProviders(List.of(
                    new SingletonResourceProvider(new HealthResource(() -> healthService, services, version)),
                    new SingletonResourceProvider(new CentersResource(services, auth)),
                    new SingletonResourceProvider(new ItemsResource(services)),
                    new SingletonResourceProvider(new CasesResource(services, auth)),
                    new SingletonResourceProvider(new PublicResource(services, limits)),
                    new SingletonResourceProvider(new CalendarResource(services)),
                    new SingletonResourceProvider(new SupervisionResource(services, auth)),
                    new SingletonResourceProvider(new RelayResource(services, auth, json, limits)),
                    new SingletonResourceProvider(new LedgerResource(services, auth)),
                    new SingletonResourceProvider(me),
                    new SingletonResourceProvider(new SessionsResource(me, auth)),
                    new SingletonResourceProvider(new AdminResource(services, auth)),
                    new SingletonResourceProvider(new AuditResource(services, auth)),
                    new SingletonResourceProvider(new FeedbackResource(services, auth)),
                    new SingletonResourceProvider(new RatingsResource(services, auth)),
                    new SingletonResourceProvider(new ComplaintsResource(services, auth)),
                    new SingletonResourceProvider(new PublicFeedbackResource(services, limits)),
                    new SingletonResourceProvider(new PublicPeopleResource(services)),
                    new SingletonResourceProvider(new PublicAppointmentsResource(services, limits)),
                    new SingletonResourceProvider(new AppointmentsResource(services, auth)),
                    new SingletonResourceProvider(new ReferralsResource(services, auth)),
                    new SingletonResourceProvider(new IntegrationResource(services, auth)),
                    new SingletonResourceProvider(new OpenApiResource())));
            factory.setProviders(List.of(new RequestMetrics(() -> meterRegistry), new BodyLimit(config.maxBodyBytes()), new NoStore(), new JacksonJsonProvider(json), new ProblemMapper()));
            server = factory.create();
            registrations = publish(context, config.contextPath(), new ApiServlet(endpoints, bus, json));
            LOG.info("Yizhan REST API v1 published at {}{} / 接口已发布", config.contextPath(), config.address());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * The API's own web context on the HTTP whiteboard and its servlet in it, so that nothing
     * else's servlet or error page stands between a caller and the API's answers.
     */
    private static List<ServiceRegistration<?>> publish(BundleContext context, String contextPath, ApiServlet servlet) {
        Dictionary<String, Object> web = new Hashtable<>();
        web.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME, CONTEXT_NAME);
        web.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_PATH, contextPath);
        ServiceRegistration<?> contextRegistration = context.registerService(ServletContextHelper.class,
                new ServletContextHelper(context.getBundle()) { }, web);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT,
                "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + CONTEXT_NAME + ")");
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "yizhan-api");
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, "/*");
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_ASYNC_SUPPORTED, Boolean.TRUE);
        ServiceRegistration<?> servletRegistration = context.registerService(Servlet.class, servlet, props);
        return List.of(servletRegistration, contextRegistration);
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it first
            }
        }
        server.destroy();
        bus.shutdown(true);
    }

    /** JSON as the API reads it: nesting and string lengths bounded far above any valid request, unknown fields ignored. */
    static ObjectMapper objectMapper() {
        JsonFactory json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH)
                        .maxStringLength(MAX_JSON_STRING).maxNumberLength(MAX_JSON_NUMBER).build())
                .build();
        return new ObjectMapper(json)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
