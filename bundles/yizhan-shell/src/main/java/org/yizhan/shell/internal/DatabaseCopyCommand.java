package org.yizhan.shell.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.yizhan.api.DatabaseCopyDTO;
import org.yizhan.api.DatabaseCopyService;
import org.yizhan.api.network.NetworkService;

/**
 * Moves this installation's data into an empty PostgreSQL database (docs/operations.md, "From
 * embedded Derby to PostgreSQL"). The target's settings come from a file, never from the command
 * line, so its password stays out of the console's history.
 */
@Command(scope = "yizhan", name = "database-copy",
        description = "Copy all data into an empty PostgreSQL database named by a settings file (the four lines the data source "
                + "file will have); writes wait while it copies 迁移数据到 PostgreSQL")
@Service
public class DatabaseCopyCommand implements Action {

    @Reference
    DatabaseCopyService copy;

    @Reference
    NetworkService network;

    @Argument(index = 0, name = "settings", required = true,
            description = "A file with osgi.jdbc.driver.name, url, user and password, outside etc/ (e.g. /root/yizhan-postgresql.cfg)")
    String settings;

    @Override
    public Object execute() throws IOException {
        Path file = Path.of(settings);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No such file: " + file + " / 文件不存在：" + file);
        }
        if (file.toAbsolutePath().normalize().getParent() != null
                && file.toAbsolutePath().normalize().getParent().equals(Path.of(System.getProperty("karaf.etc", "etc")).toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("Keep the settings file outside etc/: a data source file there becomes a second data source at once"
                    + " / 设置文件请勿放在 etc/ 下");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> target = new HashMap<>();
        p.stringPropertyNames().forEach(k -> target.put(k, p.getProperty(k).trim()));
        System.out.println("Copying into " + target.get("url") + " (writes here wait until it is done) / 正在迁移，期间写操作等待");
        DatabaseCopyDTO done = Commands.run(() -> copy.copyTo(Centers.console(network), target, line -> {
            System.out.println("  " + line);
            System.out.flush();
        }));
        long rows = done.rows.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("Copied %,d rows in %d tables from %s to %s in %.1f s; counts match on both sides / 迁移完成，两边行数一致%n",
                rows, done.rows.size(), done.from, done.to, done.millis / 1000.0);
        System.out.println("Next: bin/stop, copy " + file + " over etc/org.ops4j.datasource-yizhan.cfg (keep dataSourceName = yizhan and pool = dbcp2),"
                + " bin/start / 下一步：停止、替换数据源配置、启动");
        return null;
    }
}
