package org.yizhan.shell.internal;

import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.yizhan.api.audit.AuditEventDTO;
import org.yizhan.api.audit.AuditPageDTO;
import org.yizhan.api.audit.AuditQuery;
import org.yizhan.api.audit.AuditService;
import org.yizhan.api.cases.VerificationDTO;
import org.yizhan.api.network.NetworkService;

@Command(scope = "yizhan", name = "audit", description = "The audit log, newest first; --verify checks its hash chain 审计日志")
@Service
public class AuditCommand implements Action {

    @Reference
    AuditService audit;

    @Reference
    NetworkService network;

    @Option(name = "--actor", aliases = "-a", description = "Only this user")
    String actor;

    @Option(name = "--kind", aliases = "-k", description = "Only this kind, e.g. SIGN_IN_FAILED")
    String kind;

    @Option(name = "--from", description = "From this day (YYYY-MM-DD)")
    String from;

    @Option(name = "--size", aliases = "-n", description = "How many entries (default 30)")
    int size = 30;

    @Option(name = "--verify", description = "Re-compute the hash chain")
    boolean verify;

    @Override
    public Object execute() {
        if (verify) {
            VerificationDTO v = Commands.run(() -> audit.verify(Centers.console(network)));
            System.out.println(v.valid ? "Audit chain valid 审计链完整: " + v.events + " entries"
                    : "Audit chain BROKEN at entry " + v.brokenAt + " / 审计链在第 " + v.brokenAt + " 条处被破坏");
            return null;
        }
        AuditQuery q = new AuditQuery(from == null ? null : LocalDate.parse(from), null, actor, kind, 0, Math.max(1, Math.min(size, 500)));
        AuditPageDTO page = Commands.run(() -> audit.list(Centers.console(network), q));
        ShellTable table = new ShellTable();
        table.column("#");
        table.column("At 时间");
        table.column("Actor 操作人");
        table.column("Kind 类型");
        table.column("Target 对象");
        table.column("Detail 详情");
        table.column("Source 来源");
        for (AuditEventDTO e : page.items) {
            table.addRow().addContent(e.seq, e.at, e.actor, e.kind, e.target, e.detail == null ? "" : e.detail, e.source);
        }
        table.print(System.out);
        System.out.println(page.items.size() + " of " + page.total + " entries 条");
        return null;
    }
}
