package org.yizhan.rest.internal;

import java.time.Duration;
import java.util.List;

import java.util.Map;

import org.apache.cxf.Bus;
import org.apache.cxf.bus.CXFBusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.apache.cxf.transport.DestinationFactoryManager;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.osgi.framework.BundleContext;
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
import org.yizhan.api.calendar.CalendarService;
import org.yizhan.api.cases.CaseService;
import org.yizhan.api.catalogue.CatalogueService;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.relay.RelayAdmin;
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
 * Publishes the v1 API on CXF. The component owns its own CXF bus and shuts it down when it
 * stops, so the REST bundle can be updated without leaving endpoints behind; the bus publishes
 * through the HTTP transport that CXF's OSGi servlet serves (a service, not a static default
 * bus). Platform services are dynamic references: a missing core answers 503, it does not take
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
    private volatile WindowService windowService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AccountService accountService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditService auditService;

    private final Bus bus;
    private final Server server;

    @Activate
    public RestServer(@Reference HTTPTransportFactory httpTransport, BundleContext context, RestConfig config) {
        String version = context.getBundle().getVersion().toString();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(RestServer.class.getClassLoader());
        try {
            bus = new CXFBusFactory().createBus(Map.of(BundleContext.class, context));
            DestinationFactoryManager destinations = bus.getExtension(DestinationFactoryManager.class);
            for (String transportId : httpTransport.getTransportIds()) {
                destinations.registerDestinationFactory(transportId, httpTransport);
            }
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress(config.address());
            Services services = new Services(() -> caseService, () -> networkService, () -> catalogueService,
                    () -> calendarService, () -> supervisionService, () -> relayService, () -> relayAdmin,
                    () -> windowService, () -> accountService, () -> auditService);
            RateLimits limits = new RateLimits(config.signInFailuresPerAddress(), Duration.ofSeconds(config.signInFailureWindowSeconds()),
                    config.lookupsPerAddress(), Duration.ofSeconds(config.lookupWindowSeconds()));
            Authenticator auth = new Authenticator(config.realm(), config.loginCacheSeconds() * 1000L, services, limits);
            factory.setResourceProviders(List.of(
                    new SingletonResourceProvider(new HealthResource(() -> healthService, services, version)),
                    new SingletonResourceProvider(new CentersResource(services, auth)),
                    new SingletonResourceProvider(new ItemsResource(services)),
                    new SingletonResourceProvider(new CasesResource(services, auth)),
                    new SingletonResourceProvider(new PublicResource(services, limits)),
                    new SingletonResourceProvider(new CalendarResource(services)),
                    new SingletonResourceProvider(new SupervisionResource(services, auth)),
                    new SingletonResourceProvider(new RelayResource(services, auth)),
                    new SingletonResourceProvider(new LedgerResource(services, auth)),
                    new SingletonResourceProvider(new MeResource(services, auth)),
                    new SingletonResourceProvider(new AdminResource(services, auth)),
                    new SingletonResourceProvider(new AuditResource(services, auth)),
                    new SingletonResourceProvider(new OpenApiResource())));
            factory.setProviders(List.of(new BodyLimit(config.maxBodyBytes()), new NoStore(), new JacksonJsonProvider(objectMapper()), new ProblemMapper()));
            server = factory.create();
            LOG.info("Yizhan REST API v1 published at {} / 接口已发布", config.address());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Deactivate
    void deactivate() {
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
