package org.yizhan.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server in its own process, from Debian's packages ({@code .ci/integration-prereqs}
 * installs them): a fresh cluster in a temporary folder made by initdb, listening on 127.0.0.1 only,
 * with a database and its owner for the platform. As root (CI), the server runs as the
 * {@code postgres} user, since PostgreSQL refuses to run as root.
 */
public final class Postgres implements AutoCloseable {

    private final Path data;
    private final Path bin;
    private final int port;
    /** Where psql reaches the server: 127.0.0.1, or the folder of its socket. */
    private String host = "127.0.0.1";
    private final boolean root = "root".equals(System.getProperty("user.name"));

    private Postgres(Path data, Path bin, int port) {
        this.data = data;
        this.bin = bin;
        this.port = port;
    }

    /** initdb, then pg_ctl start; fails with what to install when PostgreSQL is not there. */
    public static Postgres start(String name, int port) throws IOException, InterruptedException {
        Path bin;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.sorted(Comparator.reverseOrder()).map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .findFirst().orElseThrow();
        } catch (IOException | java.util.NoSuchElementException e) {
            throw new IllegalStateException("PostgreSQL is not installed: run .ci/integration-prereqs (Debian's postgresql)", e);
        }
        // under the system's temporary folder: as root the server runs as postgres, who must reach its folder
        // (a clone under /root would not let it)
        Path dir = Files.createTempDirectory(name);
        Postgres pg = new Postgres(dir.resolve("data"), bin, port);
        if (pg.root) {
            Distribution.run(List.of("chown", "postgres", dir.toString()), dir, Duration.ofSeconds(30));
        }
        pg.as(List.of(bin.resolve("initdb").toString(), "-D", pg.data.toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                "--locale=C"), Duration.ofMinutes(2));
        pg.as(List.of(bin.resolve("pg_ctl").toString(), "start", "-D", pg.data.toString(), "-w", "-t", "120", "-l", dir.resolve("server.log").toString(),
                "-o", "-p " + port + " -h 127.0.0.1 -k " + dir), Duration.ofMinutes(3));
        return pg;
    }

    /**
     * A server something else started (assemblies/yizhan-cluster/cluster.sh), in {@code dir}
     * (data/, server.log and its socket), reached over its socket as postgres.
     */
    public static Postgres existing(Path dir, int port) {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            Path bin = versions.sorted(Comparator.reverseOrder()).map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("psql")))
                    .findFirst().orElseThrow();
            Postgres pg = new Postgres(dir.resolve("data"), bin, port);
            pg.host = dir.toString();
            return pg;
        } catch (IOException | java.util.NoSuchElementException e) {
            throw new IllegalStateException("PostgreSQL is not installed: run .ci/integration-prereqs (Debian's postgresql)", e);
        }
    }

    /** A database and its owner, with a password. */
    public void createDatabase(String database, String user, String password) throws IOException, InterruptedException {
        psql("CREATE USER " + user + " PASSWORD '" + password + "'");
        psql("CREATE DATABASE " + database + " OWNER " + user + " ENCODING 'UTF8'");
    }

    /** One statement's rows, as psql prints them unaligned (a line per row, fields split by |). */
    public List<String> query(String database, String sql) throws IOException, InterruptedException {
        Path out = Files.createTempFile(data.getParent(), "psql", ".txt");
        List<String> command = new ArrayList<>(List.of(bin.resolve("psql").toString(), "-h", host, "-p", Integer.toString(port),
                "-U", "postgres", "-d", database, "-At", "-c", sql));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("psql failed: " + sql + ": " + Files.readString(out));
        }
        return Files.readAllLines(out);
    }

    private void psql(String sql) throws IOException, InterruptedException {
        query("postgres", sql);
    }

    /** The server's log lines at ERROR or worse (a normal run writes none). */
    public List<String> errors() throws IOException {
        return Files.readAllLines(data.resolveSibling("server.log")).stream()
                .filter(l -> l.contains("ERROR:") || l.contains("FATAL:") || l.contains("PANIC:")).toList();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            as(List.of(bin.resolve("pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "fast", "-w"), Duration.ofMinutes(2));
        } finally {
            Distribution.deleteTree(data.getParent());
        }
    }

    /** Runs a server command as the postgres user when this is root. */
    private void as(List<String> command, Duration deadline) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(command);
        if (root) {
            // by its full path: a build's PATH need not hold the system folders
            String runuser = Files.isExecutable(Path.of("/usr/sbin/runuser")) ? "/usr/sbin/runuser" : "runuser";
            c.addAll(0, List.of(runuser, "-u", "postgres", "--"));
        }
        Distribution.run(c, data.getParent(), deadline);
    }
}
