package org.yizhan.relay.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.relay.IntegrationRouteDTO;
import org.yizhan.api.relay.RelayAdmin;
import org.yizhan.api.relay.RelayLinks;
import org.yizhan.api.relay.RelayService;
import org.yizhan.api.relay.TransportDTO;

/** Transports per center (kept in etc/org.yizhan.relay.cfg through Configuration Admin) and the route files. */
@Component(service = RelayAdmin.class)
public class RelayAdminImpl implements RelayAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(RelayAdminImpl.class);

    private final RelayDispatcher dispatcher;
    private final RelayService relay;
    private final ConfigurationAdmin configAdmin;
    private final NetworkService network;
    private final org.yizhan.api.audit.AuditService audit;
    private final RelayLinks links;
    private final org.yizhan.api.relay.IntegrationInbound inbound;

    @Activate
    public RelayAdminImpl(@Reference RelayDispatcher dispatcher, @Reference RelayService relay,
                          @Reference ConfigurationAdmin configAdmin, @Reference NetworkService network,
                          @Reference org.yizhan.api.audit.AuditService audit, @Reference RelayLinks links,
                          @Reference org.yizhan.api.relay.IntegrationInbound inbound) {
        this.inbound = inbound;
        this.links = links;
        this.audit = audit;
        this.dispatcher = dispatcher;
        this.relay = relay;
        this.configAdmin = configAdmin;
        this.network = network;
    }

    @Override
    public List<TransportDTO> transports(Caller caller) {
        RelayStatusGuard.requireOperator(caller);
        List<TransportDTO> list = new ArrayList<>();
        dispatcher.transports().all().forEach((center, transport) -> list.add(dto(center, transport)));
        return withCounts(list);
    }

    private List<TransportDTO> withCounts(List<TransportDTO> list) {
        var byCenter = relay.countsByDestination();
        for (TransportDTO t : list) {
            t.pending = byCenter.getOrDefault(t.centerCode + "/PENDING", 0L);
            t.dead = byCenter.getOrDefault(t.centerCode + "/DEAD", 0L);
        }
        return list;
    }

    private static TransportDTO dto(String center, String transport) {
        TransportDTO t = new TransportDTO();
        t.centerCode = center;
        t.transport = transport;
        return t;
    }

    @Override
    public TransportDTO setTransport(Caller caller, String centerCode, String transport) {
        if (!caller.has(Caller.COUNTY_ADMIN)) {
            throw YizhanException.forbidden("Only county admins set relay transports", "只有县级管理员可以设置报送方式");
        }
        if (centerCode == null || network.centers().stream().noneMatch(c -> c.code.equals(centerCode))) {
            throw YizhanException.badInput("centerCode", "No center " + centerCode, "中心不存在：" + centerCode);
        }
        String problem = TransportDTO.problem(transport);
        if (problem != null) {
            throw YizhanException.badInput("transport", problem, "报送方式须为 local、https://主机:端口/api/v1（仅限加密）或 jms:队列名");
        }
        String t = transport.trim();
        if (!TransportDTO.LOCAL.equals(t) && links.links(caller).stream().noneMatch(l -> l.peerCenter.equals(centerCode))) {
            // another container is only a peer the county admin registered: a link with a key
            throw YizhanException.refused("centerCode", "No relay link to " + centerCode + " in this container: make one first"
                    + " (yizhan:link-create <here> " + centerCode + ", then yizhan:link-import on the other side)",
                    "本节点没有通往 " + centerCode + " 的报送链路：请先用 yizhan:link-create 建立链路");
        }
        try {
            Configuration c = configAdmin.getConfiguration(RelayConfig.PID, "?");
            Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
            if (TransportDTO.LOCAL.equals(t)) {
                props.remove(Transports.PREFIX + centerCode);
            } else {
                props.put(Transports.PREFIX + centerCode, t);
            }
            c.update(props);
        } catch (IOException e) {
            throw new IllegalStateException("Relay configuration not saved: " + e.getMessage(), e);
        }
        LOG.info("Relay transport of {} set to {} by {} / 报送方式已设置", centerCode, t, caller.user());
        audit.record(caller.user(), org.yizhan.api.audit.AuditService.TRANSPORT_CHANGED, centerCode, t, caller.source());
        return withCounts(new ArrayList<>(List.of(dto(centerCode, t)))).get(0);
    }

    @Override
    public List<IntegrationRouteDTO> integrationRoutes(Caller caller) {
        RelayStatusGuard.requireOperator(caller);
        List<IntegrationRouteDTO> list = new ArrayList<>();
        RouteFiles files = dispatcher.routeFiles();
        for (Map.Entry<Path, RouteFiles.Loaded> e : files.loaded().entrySet()) {
            IntegrationRouteDTO d = new IntegrationRouteDTO();
            d.file = files.directory().getFileName() + "/" + e.getKey().getFileName();
            d.routeIds.addAll(e.getValue().routeIds());
            d.error = e.getValue().error();
            d.line = e.getValue().line();
            for (String id : e.getValue().routeIds()) {
                d.routes.add(dispatcher.routeState(id));
            }
            list.add(d);
        }
        return list;
    }

    @Override
    public int backfill(Caller caller, String routeId, java.time.LocalDate since) {
        if (!caller.has(Caller.COUNTY_ADMIN)) {
            throw org.yizhan.api.YizhanException.forbidden("Only a county admin replays events to a route", "只有县级管理员可以补发集成事件");
        }
        try {
            dispatcher.integrationEndpoint(routeId);
        } catch (IllegalStateException e) {
            throw org.yizhan.api.YizhanException.badInput("routeId", e.getMessage(), "该路由不接收办件事件：" + routeId);
        }
        int n = inbound.backfill(routeId, since);
        audit.record(caller.user(), "ROUTE_BACKFILL", routeId, n + " events since " + since, caller.source());
        return n;
    }

    @Override
    public IntegrationRouteDTO.RouteState setRouteRunning(Caller caller, String routeId, boolean running) {
        if (!caller.has(Caller.COUNTY_ADMIN)) {
            throw org.yizhan.api.YizhanException.forbidden("Only a county admin suspends or resumes routes", "只有县级管理员可以暂停或恢复集成路由");
        }
        boolean known = dispatcher.routeFiles().loaded().values().stream().anyMatch(l -> l.routeIds().contains(routeId));
        if (!known) {
            throw org.yizhan.api.YizhanException.notFound("No integration route " + routeId, "集成路由不存在：" + routeId);
        }
        dispatcher.setRunning(routeId, running);
        if (running) {
            // what waited for the route (events it could not take while suspended) is due now
            relay.wake(routeId);
        }
        audit.record(caller.user(), running ? "ROUTE_RESUMED" : "ROUTE_SUSPENDED", routeId, null, caller.source());
        LOG.info("Integration route {} {} by {} / 集成路由{}", routeId, running ? "resumed" : "suspended", caller.user(), running ? "已恢复" : "已暂停");
        return dispatcher.routeState(routeId);
    }
}
