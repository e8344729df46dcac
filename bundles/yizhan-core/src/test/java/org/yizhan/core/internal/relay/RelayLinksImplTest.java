package org.yizhan.core.internal.relay;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yizhan.api.Caller;
import org.yizhan.api.YizhanException;
import org.yizhan.api.audit.AuditService;
import org.yizhan.api.network.CenterDTO;
import org.yizhan.api.network.NetworkService;
import org.yizhan.api.relay.LinkDTO;
import org.yizhan.api.relay.RelayLinks;
import org.yizhan.core.internal.audit.AuditLog;

/** Relay links: a key per link, exchanged by token, and messages signed with it (the trust-boundary issue). */
public class RelayLinksImplTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private static final Caller ADMIN = new Caller("admin", Set.of(Caller.COUNTY_ADMIN), 1, "console");
    private final AtomicLong now = new AtomicLong(1_800_000_000_000L);
    private final List<String> audited = new ArrayList<>();
    private RelayLinksImpl town;
    private RelayLinksImpl village;

    @Before
    public void setUp() throws Exception {
        town = new RelayLinksImpl(network(), audit(), folder.newFolder("town").toPath().resolve("yizhan-links.properties"), now::get);
        village = new RelayLinksImpl(network(), audit(), folder.newFolder("village").toPath().resolve("yizhan-links.properties"), now::get);
    }

    @Test
    public void aLinkCreatedOnOneSideAndImportedOnTheOtherSignsBothWays() throws Exception {
        LinkDTO created = town.create(ADMIN, "T1", "T1V1");
        LinkDTO imported = village.importLink(ADMIN, created.token);
        assertEquals("T1V1", imported.localCenter);
        assertEquals("T1", imported.peerCenter);
        assertEquals("both ends show the same fingerprint", created.fingerprint, imported.fingerprint);

        byte[] body = "{\"id\":\"m1\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> up = village.sign("T1V1", "T1", body);
        Caller caller = town.verify(up.get(RelayLinks.FROM), up.get(RelayLinks.TO), up.get(RelayLinks.TIMESTAMP),
                up.get(RelayLinks.SIGNATURE), body, "10.0.0.2");
        assertEquals("link T1V1>T1", caller.user());
        assertEquals("the caller is the sending center", 111, caller.centerId());
        Map<String, String> down = town.sign("T1", "T1V1", body);
        assertEquals("link T1>T1V1", village.verify("T1", "T1V1", down.get(RelayLinks.TIMESTAMP), down.get(RelayLinks.SIGNATURE),
                body, "10.0.0.1").user());

        Path file = folder.getRoot().toPath().resolve("town/yizhan-links.properties");
        assertEquals("only the platform's user reads the keys", "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse("the key is not in the listing", town.links(ADMIN).get(0).toString().contains(created.token));

        assertTrue(town.remove(ADMIN, "T1", "T1V1"));
        assertTrue("no link left", town.links(ADMIN).isEmpty());
        assertFalse("removing it again finds nothing", town.remove(ADMIN, "T1", "T1V1"));
        Map<String, String> after = village.sign("T1V1", "T1", body);
        try {
            town.verify("T1V1", "T1", after.get(RelayLinks.TIMESTAMP), after.get(RelayLinks.SIGNATURE), body, "10.0.0.2");
            fail("a removed link still signs");
        } catch (YizhanException e) {
            assertEquals(401, e.status());
        }
        assertTrue("the removal is audited", audited.stream().anyMatch(a -> a.startsWith(AuditService.LINK_REMOVED)));
    }

    @Test
    public void aRestartedContainerReadsItsLinksFromTheFile() throws Exception {
        LinkDTO created = town.create(ADMIN, "T1", "T1V1");
        village.importLink(ADMIN, created.token);
        RelayLinksImpl restarted = new RelayLinksImpl(network(), audit(),
                folder.getRoot().toPath().resolve("town/yizhan-links.properties"), now::get);
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> h = village.sign("T1V1", "T1", body);
        assertEquals("link T1V1>T1", restarted.verify("T1V1", "T1", h.get(RelayLinks.TIMESTAMP), h.get(RelayLinks.SIGNATURE),
                body, "10.0.0.2").user());
        assertEquals(1, restarted.links(ADMIN).size());
    }

    @Test
    public void forgedChangedOldAndUnknownMessagesAreRefusedAndAudited() {
        village.importLink(ADMIN, town.create(ADMIN, "T1", "T1V1").token);
        byte[] body = "{\"id\":\"m1\",\"kind\":\"RELAY_REPLY\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> h = town.sign("T1", "T1V1", body);
        String ts = h.get(RelayLinks.TIMESTAMP);
        String sig = h.get(RelayLinks.SIGNATURE);
        audited.clear();

        refused(() -> village.verify("T1", "T1V1", ts, sig, "{\"id\":\"m1\",\"kind\":\"RELAY_UP\"}".getBytes(StandardCharsets.UTF_8), "x"));
        refused(() -> village.verify("T1", "T1V1", ts, "v1=AAAA", body, "x"));
        refused(() -> village.verify("T1", "T1V1", Long.toString(Long.parseLong(ts) + 1), sig, body, "x"));
        refused(() -> village.verify("T2", "T1V1", ts, sig, body, "x"));
        refused(() -> village.verify(null, "T1V1", ts, sig, body, "x"));
        now.addAndGet(RelayLinksImpl.MAX_SKEW_MILLIS + 1);
        refused(() -> village.verify("T1", "T1V1", ts, sig, body, "x"));
        assertEquals("every refusal is in the audit log: " + audited, 6, audited.size());
        assertTrue(audited.toString(), audited.stream().allMatch(a -> a.startsWith(AuditService.RELAY_REFUSED)));
    }

    @Test
    public void linksJoinNeighboursOnly_andOnlyCountyAdminsManageThem() {
        try {
            town.create(ADMIN, "T1", "T2V1");
            fail("a town and another town's village are not neighbours");
        } catch (YizhanException e) {
            assertEquals("peerCenter", e.field());
        }
        try {
            town.create(new Caller("clerk-T1", Set.of(Caller.CLERK), 11, "x"), "T1", "T1V1");
            fail("a clerk made a link");
        } catch (YizhanException e) {
            assertEquals(403, e.status());
        }
        try {
            village.importLink(ADMIN, "yizhan-link:1:T1:T1V1:short");
            fail("a broken token was taken");
        } catch (YizhanException e) {
            assertEquals("token", e.field());
        }
        try {
            town.sign("T1", "T1V1", new byte[0]);
            fail("signed with no link");
        } catch (YizhanException e) {
            assertEquals("transport", e.field());
        }
    }

    private void refused(Runnable r) {
        try {
            r.run();
            fail("taken");
        } catch (YizhanException e) {
            assertEquals(401, e.status());
        }
    }

    private AuditLog audit() {
        return new AuditLog() {
            @Override
            public <T> T tx(Function<EntityManager, T> work) {
                return work.apply(null);
            }

            @Override
            public void append(EntityManager em, String actor, String kind, String target, String detail, String source) {
                record(actor, kind, target, detail, source);
            }

            @Override
            public void record(String actor, String kind, String target, String detail, String source) {
                audited.add(kind + " " + target + " " + detail);
            }
        };
    }

    /** C (1) > T1 (11) > T1V1 (111); T2 (12) > T2V1 (121). */
    private static NetworkService network() {
        Map<String, CenterDTO> centers = Map.of("C", center(1, "C", null), "T1", center(11, "T1", 1L), "T2", center(12, "T2", 1L),
                "T1V1", center(111, "T1V1", 11L), "T2V1", center(121, "T2V1", 12L));
        return (NetworkService) Proxy.newProxyInstance(NetworkService.class.getClassLoader(), new Class<?>[] {NetworkService.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("centerByCode")) {
                        return Optional.ofNullable(centers.get((String) args[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static CenterDTO center(long id, String code, Long parent) {
        CenterDTO c = new CenterDTO();
        c.id = id;
        c.code = code;
        c.parentId = parent;
        return c;
    }
}
