package org.yizhan.relay.internal;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.core.osgi.OsgiCamelContextPublisher;
import org.apache.camel.core.osgi.OsgiDefaultCamelContext;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.relay.IntegrationDemand;
import org.yizhan.api.relay.OutboxMessageDTO;
import org.yizhan.api.relay.RelayMessageDTO;
import org.yizhan.api.relay.RelayLinks;
import org.yizhan.api.relay.RelayService;
import org.yizhan.api.relay.RelayTransport;

/**
 * The Camel context that empties the outbox. A timer claims due messages (with a lease, so
 * several nodes can share one database), groups them by case, delivers the groups in parallel
 * and each group in order, then marks each message delivered, retried later with backoff, or
 * dead. Every route has an id:
 * <ul>
 * <li>{@code yizhan-outbox-poll}: claim and split;</li>
 * <li>{@code yizhan-deliver}: pick the transport, deliver, record the outcome;</li>
 * <li>{@code yizhan-relay-local}, {@code yizhan-relay-http}, {@code yizhan-relay-jms}: the
 * three transports (this container, another container's REST API, an Artemis queue);</li>
 * <li>{@code yizhan-integration}: case events to every integrator route that starts from
 * {@code direct:integration-*};</li>
 * <li>{@code yizhan-outbox-purge}: delivered messages past their keeping time.</li>
 * </ul>
 */
@Component(service = RelayDispatcher.class, immediate = true, configurationPid = RelayConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RelayConfig.class)
public class RelayDispatcher {

    static final String CONTEXT_NAME = "yizhan";
    static final String INTEGRATION_PREFIX = "direct://integration-";
    private static final Logger LOG = LoggerFactory.getLogger(RelayDispatcher.class);
    /** The local transport hands messages to this container's inbox as the relay role. */
    private static final String P_MESSAGE = "yizhanMessage";
    private static final String P_TRANSPORT = "yizhanTransport";
    private static final String P_MORE = "yizhanMore";
    private static final String PEERS_BEAN = "yizhanPeers";
    private static final String P_DELIVERED = "yizhanDelivered";
    private static final String P_TARGET = "yizhanTarget";

    private final RelayService relay;
    private final RelayLinks links;
    private final Map<String, RelayTransport> transportsByScheme = new ConcurrentHashMap<>();
    private final String claimant;
    private volatile RelayConfig config;
    private volatile Transports transports;
    private CamelContext camel;
    private PeerTrust peerTrust;
    private ExecutorService pool;
    private RouteFiles routeFiles;
    private BundleContext bundleContext;
    private ServiceRegistration<IntegrationDemand> demand;
    /** The integrators' routes that take case events: route id to endpoint. */
    private volatile Map<String, String> integrationEndpoints = Map.of();
    private org.apache.camel.ProducerTemplate template;
    private CaseActionRoute caseActions;

    @Activate
    public RelayDispatcher(@Reference RelayService relay, @Reference RelayLinks links, BundleContext bundleContext, RelayConfig config,
                           Map<String, Object> properties, @Reference org.yizhan.api.audit.AuditService audit,
                           @Reference org.yizhan.api.relay.IntegrationInbound inbound, @Reference IntegrationAllow allow) throws Exception {
        this.relay = relay;
        this.links = links;
        this.config = config;
        this.transports = Transports.from(properties);
        this.claimant = nodeName();
        OsgiDefaultCamelContext context = new OsgiDefaultCamelContext(bundleContext);
        context.setName(CONTEXT_NAME);
        // published as an OSGi service, so the camel:* console commands see it
        context.getManagementStrategy().addEventNotifier(new OsgiCamelContextPublisher(bundleContext));
        camel = context;
        for (String scheme : List.of("http", "https")) {
            HttpComponent http = camel.getComponent(scheme, HttpComponent.class);
            http.setConnectTimeout(config.httpTimeoutMillis());
            http.setSocketTimeout(config.httpTimeoutMillis());
            http.setConnectionRequestTimeout(config.httpTimeoutMillis());
        }
        // relay over HTTPS trusts the peers' certificates in the truststore, and nothing else
        peerTrust = new PeerTrust(truststore(config), config.truststorePassword());
        SSLContextParameters peers = new SSLContextParameters();
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setTrustManager(peerTrust);
        peers.setTrustManagers(trust);
        peers.setSecureSocketProtocol("TLSv1.3");
        camel.getRegistry().bind(PEERS_BEAN, peers);
        // {{name}} in route files: property.<name> in etc/org.yizhan.integration.cfg, read live
        camel.getPropertiesComponent().addPropertiesSource(new org.apache.camel.spi.PropertiesSource() {
            @Override
            public String getName() {
                return "etc/org.yizhan.integration.cfg";
            }

            @Override
            public String getProperty(String name) {
                return allow.property(name);
            }
        });
        beans.forEach(camel.getRegistry()::bind);
        // Camel 3.22 drops routes added before the context starts: start it, then add them.
        camel.start();
        pool = camel.getExecutorServiceManager().newFixedThreadPool(this, "yizhan-relay", Math.max(1, config.dispatchThreads()));
        camel.addRoutes(routes());
        countExchanges();
        // departments answer back: integrators' routes hand actions in here (R13, R15)
        caseActions = new CaseActionRoute(inbound, allow, audit, relay);
        camel.addRoutes(caseActions);
        template = camel.createProducerTemplate();
        for (Route r : camel.getRoutes()) {
            ServiceStatus status = camel.getRouteController().getRouteStatus(r.getRouteId());
            if (status != ServiceStatus.Started) {
                throw new IllegalStateException("Relay route " + r.getRouteId() + " is " + status);
            }
        }
        Path dir = Path.of(System.getProperty("karaf.base", ".")).resolve(config.routesDirectory());
        this.bundleContext = bundleContext;
        routeFiles = new RouteFiles(camel, dir, this::integrationRoutes, (file, ids) ->
                audit.record("platform", org.yizhan.api.audit.AuditService.ROUTE_FILE_LOADED, file, "routes " + ids, "platform"));
        routeFiles.start(bundleContext);
        LOG.info("Relay started / 报送已启动: routes {}, transports {} (others local), integration routes from {}",
                camel.getRoutes().stream().map(Route::getRouteId).toList(), transports.all(), dir);
    }

    private static Path truststore(RelayConfig config) {
        return Path.of(System.getProperty("karaf.base", ".")).resolve(config.truststore());
    }

    @Modified
    void modified(RelayConfig config, Map<String, Object> properties) {
        this.config = config;
        peerTrust.use(truststore(config), config.truststorePassword());
        this.transports = Transports.from(properties);
        LOG.info("Relay transports now {} (others local) / 报送方式已更新", transports.all());
    }

    /**
     * The endpoints of the integrators' routes that take case events (after each scan of the route
     * files); {@link IntegrationDemand} is registered while there is one, so the platform writes
     * case events only then.
     */
    private void integrationRoutes(Map<String, String> endpoints) {
        integrationEndpoints = Map.copyOf(endpoints);
        integrationDemand(!endpoints.isEmpty());
    }

    private synchronized void integrationDemand(boolean wanted) {
        if (wanted && demand == null) {
            demand = bundleContext.registerService(IntegrationDemand.class, new IntegrationDemand() { }, null);
            LOG.info("Integration routes take case events: the platform now writes them / 开始记录集成事件");
        } else if (!wanted && demand != null) {
            demand.unregister();
            demand = null;
            LOG.info("No integration route takes case events: the platform stops writing them / 停止记录集成事件");
        }
    }

    @Deactivate
    void stop() throws Exception {
        if (routeFiles != null) {
            routeFiles.stop();
        }
        integrationDemand(false);
        if (camel != null) {
            camel.stop();
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile io.micrometer.core.instrument.MeterRegistry meters;

    /** From a message's writing to its delivery, by transport (local, http, jms, integration, action): {@code yizhan_relay_delivery_seconds}. */
    private void latency(String transport, long createdAtMillis) {
        io.micrometer.core.instrument.MeterRegistry r = meters;
        if (r != null && createdAtMillis > 0) {
            io.micrometer.core.instrument.Timer.builder("yizhan.relay.delivery")
                    .description("From a message's writing in the outbox to its delivery, by transport")
                    .tag("transport", String.valueOf(transport))
                    .serviceLevelObjectives(java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(1),
                            java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(5),
                            java.time.Duration.ofHours(1), java.time.Duration.ofDays(1))
                    .register(r).record(Math.max(0, System.currentTimeMillis() - createdAtMillis), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** Beans other bundles offer integrators' routes by name ({@code #name} in a URI): a department's JMS broker, say. */
    private final Map<String, Object> beans = new ConcurrentHashMap<>();

    @Reference(service = Object.class, target = "(" + BEAN_NAME + "=*)", cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addBean(Object bean, Map<String, Object> props) {
        String name = String.valueOf(props.get(BEAN_NAME));
        beans.put(name, bean);
        CamelContext c = camel;
        if (c != null) {
            c.getRegistry().bind(name, bean);
        }
        LOG.info("Bean '{}' available to integration routes (#{}) / 集成路由可用对象", name, name);
    }

    void removeBean(Object bean, Map<String, Object> props) {
        String name = String.valueOf(props.get(BEAN_NAME));
        if (beans.remove(name, bean) && camel != null) {
            camel.getRegistry().unbind(name);
        }
    }

    /** The service property that names a bean for integrators' routes. */
    public static final String BEAN_NAME = "yizhan.bean";

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTransport(RelayTransport t, Map<String, Object> props) {
        Object scheme = props.get(RelayTransport.SCHEME);
        if (scheme != null) {
            transportsByScheme.put(scheme.toString(), t);
            LOG.info("Relay transport '{}' available / 报送通道可用", scheme);
        }
    }

    void removeTransport(RelayTransport t, Map<String, Object> props) {
        Object scheme = props.get(RelayTransport.SCHEME);
        if (scheme != null) {
            transportsByScheme.remove(scheme.toString(), t);
        }
    }

    /** Exchanges and failures per integrator's route since the start, and each route's last error. */
    private final Map<String, long[]> routeCounts = new ConcurrentHashMap<>();
    private final Map<String, String> routeErrors = new ConcurrentHashMap<>();

    /** Counts completed and failed exchanges by the route they started in. */
    private void countExchanges() throws Exception {
        org.apache.camel.support.EventNotifierSupport counter = new org.apache.camel.support.EventNotifierSupport() {
            @Override
            public void notify(org.apache.camel.spi.CamelEvent event) {
                // the integrators' routes only: the platform's own (yizhan-*) are not listed and stay uncounted
                if (event instanceof org.apache.camel.spi.CamelEvent.ExchangeEvent x && x.getExchange().getFromRouteId() != null
                        && !x.getExchange().getFromRouteId().startsWith("yizhan-")) {
                    String id = x.getExchange().getFromRouteId();
                    long[] c = routeCounts.computeIfAbsent(id, k -> new long[2]);
                    synchronized (c) {
                        c[0]++;
                        if (event instanceof org.apache.camel.spi.CamelEvent.ExchangeFailedEvent) {
                            c[1]++;
                            Exception ex = x.getExchange().getException();
                            routeErrors.put(id, ex == null ? "failed" : ex.getMessage());
                        }
                    }
                }
            }

            @Override
            public boolean isEnabled(org.apache.camel.spi.CamelEvent event) {
                return event instanceof org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent
                        || event instanceof org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
            }
        };
        counter.setIgnoreCamelContextEvents(true);
        counter.setIgnoreRouteEvents(true);
        counter.setIgnoreServiceEvents(true);
        counter.setIgnoreExchangeCreatedEvent(true);
        counter.setIgnoreExchangeSendingEvents(true);
        counter.setIgnoreExchangeSentEvents(true);
        counter.setIgnoreStepEvents(true);
        camel.getManagementStrategy().addEventNotifier(counter);
        counter.start();
    }

    org.yizhan.api.relay.IntegrationRouteDTO.RouteState routeState(String id) {
        org.yizhan.api.relay.IntegrationRouteDTO.RouteState s = new org.yizhan.api.relay.IntegrationRouteDTO.RouteState();
        s.id = id;
        ServiceStatus status = camel.getRouteController().getRouteStatus(id);
        s.state = status == null ? "Removed" : status.name();
        long[] c = routeCounts.get(id);
        if (c != null) {
            synchronized (c) {
                s.exchanges = c[0];
                s.failures = c[1];
            }
        }
        s.lastError = routeErrors.get(id);
        return s;
    }

    /** The endpoint an integrator's route takes case events on ({@code direct:integration-*}); refused when it has none. */
    String integrationEndpoint(String routeId) {
        Route r = camel.getRoute(routeId);
        String uri = r == null ? null : r.getEndpoint().getEndpointUri();
        if (uri == null || !(uri.startsWith(INTEGRATION_PREFIX) || uri.startsWith("direct:integration-"))) {
            throw new IllegalStateException("Route " + routeId + " does not take case events (from direct:integration-...)"
                    + (r == null ? ": no such route" : ""));
        }
        return uri;
    }

    void setRunning(String id, boolean running) {
        try {
            if (running) {
                camel.getRouteController().resumeRoute(id);
            } else {
                camel.getRouteController().suspendRoute(id);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Route " + id + " could not be " + (running ? "resumed" : "suspended") + ": " + e.getMessage(), e);
        }
    }

    CamelContext camel() {
        return camel;
    }

    Transports transports() {
        return transports;
    }

    RouteFiles routeFiles() {
        return routeFiles;
    }

    private RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // claim a batch, deliver it, mark what was delivered in one statement; again at
                // once while batches come full (a backlog), else wait for the next tick
                from("timer:yizhan-outbox?delay=1000&period=" + Math.max(20, config.pollMillis())).routeId("yizhan-outbox-poll")
                        .setProperty(P_MORE, constant(true))
                        .loopDoWhile(exchangeProperty(P_MORE).isEqualTo(true))
                            .process(RelayDispatcher.this::claim)
                            .split(body()).parallelProcessing().executorService(pool)
                                .split(body())
                                    .to("direct:yizhan-deliver")
                                .end()
                            .end()
                            .process(e -> relay.delivered(delivered(e)))
                        .end();

                from("direct:yizhan-deliver").routeId("yizhan-deliver")
                        .process(RelayDispatcher.this::route)
                        .doTry()
                            .toD("direct:yizhan-${exchangeProperty." + P_TRANSPORT + "}")
                            .process(e -> {
                                if (!"local".equals(e.getProperty(P_TRANSPORT))) {
                                    delivered(e).add(message(e).id);
                                }
                                latency(e.getProperty(P_TRANSPORT, String.class), message(e).createdAtMillis);
                            })
                        .doCatch(Exception.class)
                            .process(RelayDispatcher.this::failed)
                        .end();

                // this container's inbox, and the outbox row marked delivered, in one transaction
                from("direct:yizhan-local").routeId("yizhan-relay-local")
                        .process(e -> relay.deliverLocally(message(e).id, message(e)));

                from("direct:yizhan-http").routeId("yizhan-relay-http")
                        .process(RelayDispatcher.this::httpRequest)
                        .toD("${header.yizhanUrl}", 20)
                        .removeHeaders("*");

                from("direct:yizhan-jms").routeId("yizhan-relay-jms")
                        .process(e -> send("jms", e));

                from("direct:yizhan-integration").routeId("yizhan-integration")
                        .process(RelayDispatcher.this::integrationEvent)
                        .process(RelayDispatcher.this::toRoutes);

                // a refused action kept as a route's dead letter, replayed: applied as that route again
                from("direct:yizhan-action").routeId("yizhan-action")
                        .process(e -> {
                            Map<String, String> p = message(e).payload;
                            caseActions.applyAs(p.get(org.yizhan.api.relay.IntegrationInbound.ROUTE_KEY), p.get("messageId"), p.get("body"));
                        });

                long purge = Math.max(1, config.purgeIntervalSeconds()) * 1000L;
                from("timer:yizhan-outbox-purge?delay=" + purge + "&period=" + purge).routeId("yizhan-outbox-purge")
                        .process(e -> {
                            int n = relay.purgeDelivered(config.keepSentDays() * 86_400_000L);
                            if (n > 0) {
                                LOG.info("{} delivered messages older than {} days removed from the outbox", n, config.keepSentDays());
                            }
                        });
            }
        };
    }

    /** Claims due messages and groups them by case, keeping each case's order. */
    private void claim(Exchange e) {
        List<OutboxMessageDTO> batch = relay.claim(claimant, config.batchSize(), config.leaseSeconds() * 1000L);
        Map<String, List<OutboxMessageDTO>> byCase = new LinkedHashMap<>();
        for (OutboxMessageDTO m : batch) {
            byCase.computeIfAbsent(String.valueOf(m.message.caseNumber), k -> new ArrayList<>()).add(m);
        }
        e.setProperty(P_MORE, batch.size() >= config.batchSize());
        e.setProperty(P_DELIVERED, new ConcurrentLinkedQueue<String>());
        e.getMessage().setBody(new ArrayList<>(byCase.values()));
    }

    /** The ids delivered in this batch (shared by the split's copies of the exchange). */
    @SuppressWarnings("unchecked")
    private static Queue<String> delivered(Exchange e) {
        return e.getProperty(P_DELIVERED, Queue.class);
    }

    private static RelayMessageDTO message(Exchange e) {
        return e.getProperty(P_MESSAGE, OutboxMessageDTO.class).message;
    }

    private void route(Exchange e) {
        OutboxMessageDTO m = e.getMessage().getBody(OutboxMessageDTO.class);
        e.setProperty(P_MESSAGE, m);
        e.setProperty("yizhanAttempts", m.attempts);
        if (RelayMessageDTO.EVENT.equals(m.message.kind)) {
            e.setProperty(P_TRANSPORT, "integration");
            return;
        }
        if (RelayMessageDTO.ACTION.equals(m.message.kind)) {
            e.setProperty(P_TRANSPORT, "action");
            return;
        }
        String transport = transports.of(m.message.toCenter);
        e.setProperty("yizhanAddress", transport);
        e.setProperty(P_TRANSPORT, Transports.scheme(transport));
    }

    private void httpRequest(Exchange e) {
        RelayMessageDTO m = message(e);
        String base = e.getProperty("yizhanAddress", String.class);
        e.getMessage().removeHeaders("*");
        e.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        byte[] body = RelayJson.message(m).getBytes(StandardCharsets.UTF_8);
        // signed with the key of the link between the two centers, not a shared account
        links.sign(m.fromCenter, m.toCenter, body).forEach(e.getMessage()::setHeader);
        e.getMessage().setHeader("yizhanUrl", (base.endsWith("/") ? base : base + "/") + "relay/inbox?sslContextParameters=#" + PEERS_BEAN);
        e.getMessage().setBody(body);
    }

    private void send(String scheme, Exchange e) throws Exception {
        RelayTransport t = transportsByScheme.get(scheme);
        if (t == null) {
            throw new IllegalStateException("No '" + scheme + "' transport installed (feature:install yizhan-relay-" + scheme + ")");
        }
        String address = e.getProperty("yizhanAddress", String.class);
        t.send(address.substring(scheme.length() + 1), message(e));
    }

    private void integrationEvent(Exchange e) {
        RelayMessageDTO m = message(e);
        java.util.Map<String, String> payload = new LinkedHashMap<>(m.payload);
        // a backfill or an event one route failed is addressed to that route; every other event goes to every route that takes events
        e.setProperty(P_TARGET, payload.remove(org.yizhan.api.relay.IntegrationInbound.ROUTE_KEY));
        String id = payload.remove(org.yizhan.api.relay.IntegrationInbound.EVENT_ID_KEY);
        RelayMessageDTO event = new RelayMessageDTO();
        event.id = id == null ? m.id : id;
        event.event = m.event;
        event.caseNumber = m.caseNumber;
        event.createdAtMillis = m.createdAtMillis;
        event.payload = payload;
        e.getMessage().removeHeaders("*");
        e.getMessage().setHeader("YizhanEventId", event.id);
        e.getMessage().setHeader("YizhanEvent", m.event);
        e.getMessage().setHeader("YizhanCaseNumber", m.caseNumber);
        e.getMessage().setHeader("YizhanWindowType", payload.get("windowType"));
        e.getMessage().setHeader("YizhanItemCode", payload.get("itemCode"));
        e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        e.getMessage().setBody(RelayJson.event(event));
    }

    /**
     * Hands the event to its routes. Addressed to one route, a failure is the message's own (retried,
     * then a dead letter). Offered to all, each route takes it apart: one that fails it (or is
     * suspended) gets its own copy to retry, so the others never see it twice.
     */
    private void toRoutes(Exchange e) throws Exception {
        String target = e.getProperty(P_TARGET, String.class);
        if (target != null) {
            String uri = integrationEndpoint(target);
            if (!running(target)) {
                throw new RouteSuspended(target);
            }
            template.send(uri, e);
            if (e.getException() != null) {
                throw e.getException();
            }
            return;
        }
        OutboxMessageDTO m = e.getProperty(P_MESSAGE, OutboxMessageDTO.class);
        for (Map.Entry<String, String> r : integrationEndpoints.entrySet()) {
            Exception failure;
            if (!running(r.getKey())) {
                failure = new RouteSuspended(r.getKey());
            } else {
                Exchange copy = e.copy();
                template.send(r.getValue(), copy);
                failure = copy.getException();
            }
            if (failure != null) {
                boolean suspended = failure instanceof RouteSuspended;
                DeliveryPolicy.Outcome outcome = DeliveryPolicy.of(config).after(failure, 0, 0, System.currentTimeMillis() - m.message.createdAtMillis);
                relay.failedForRoute(m, r.getKey(), describe(failure), suspended ? config.retryMaxMillis() : outcome.delayMillis(),
                        !suspended && outcome.dead());
            }
        }
    }

    private boolean running(String routeId) {
        return camel.getRouteController().getRouteStatus(routeId) == ServiceStatus.Started;
    }

    /** A route switched off by an operator: its events wait (never dead letters for that) until it is resumed. */
    static final class RouteSuspended extends IllegalStateException {
        RouteSuspended(String routeId) {
            super("route " + routeId + " is suspended; its events wait for it to resume");
        }
    }

    private void failed(Exchange e) {
        Exception x = e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        OutboxMessageDTO m = e.getProperty(P_MESSAGE, OutboxMessageDTO.class);
        if (RelayMessageDTO.ACTION.equals(m.message.kind)) {
            // a replayed action refused again is a dead letter again (CaseActionRoute wrote it so)
            return;
        }
        DeliveryPolicy.Outcome outcome = DeliveryPolicy.of(config)
                .after(x, m.attempts, m.refusals, System.currentTimeMillis() - m.message.createdAtMillis);
        boolean suspended = x instanceof RouteSuspended;
        boolean rejected = outcome.rejected();
        boolean dead = outcome.dead() && !suspended;
        long delay = suspended ? config.retryMaxMillis() : outcome.delayMillis();
        int attempts = m.attempts + 1;
        String error = (rejected ? "refused: " : "unreachable: ") + describe(x);
        relay.failed(m.message.id, error, delay, rejected, dead);
        if (!dead && !suspended) {
            LOG.warn("Relay {} {} for case {} to {}: attempt {} failed ({}); next in {} ms / 报送失败，将重试",
                    m.message.kind, m.message.id, m.message.caseNumber, m.message.toCenter == null ? "integration" : m.message.toCenter,
                    attempts, error, delay);
        }
    }

    private static String describe(Throwable x) {
        if (x instanceof HttpOperationFailedException h) {
            String body = h.getResponseBody();
            return "HTTP " + h.getStatusCode() + (body == null ? "" : " " + (body.length() > 300 ? body.substring(0, 300) : body));
        }
        Throwable root = x;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == x ? String.valueOf(x) : x + " (" + root + ")";
    }

    private static String nodeName() {
        String name = System.getProperty("karaf.name", "yizhan");
        try {
            return name + "@" + InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return name;
        }
    }
}
