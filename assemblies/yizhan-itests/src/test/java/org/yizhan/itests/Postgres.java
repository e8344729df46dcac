package org.yizhan.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The PostgreSQL server that assemblies/yizhan-cluster/cluster.sh started from Debian's packages
 * ({@code .ci/integration-prereqs} installs them), read by the tests: statements through Debian's
 * psql over the server's socket as postgres, and the server's log.
 */
public final class Postgres {

    private final Path dir;
    private final Path psql;
    private final int port;

    private Postgres(Path dir, Path psql, int port) {
        this.dir = dir;
        this.psql = psql;
        this.port = port;
    }

    /** The server in {@code dir} (data/, server.log and its socket), on {@code port}. */
    public static Postgres existing(Path dir, int port) {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            Path psql = versions.sorted(Comparator.reverseOrder()).map(v -> v.resolve("bin/psql")).filter(Files::isExecutable)
                    .findFirst().orElseThrow();
            return new Postgres(dir, psql, port);
        } catch (IOException | java.util.NoSuchElementException e) {
            throw new IllegalStateException("PostgreSQL is not installed: run .ci/integration-prereqs (Debian's postgresql)", e);
        }
    }

    /** One statement's rows, as psql prints them unaligned (a line per row, fields split by |). */
    public List<String> query(String database, String sql) throws IOException, InterruptedException {
        Path out = Files.createTempFile("psql", ".txt");
        try {
            Process p = new ProcessBuilder(psql.toString(), "-h", dir.toString(), "-p", Integer.toString(port), "-U", "postgres",
                    "-d", database, "-At", "-c", sql).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("psql failed: " + sql + ": " + Files.readString(out));
            }
            return Files.readAllLines(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The server's log lines at ERROR or worse (a normal run writes none). */
    public List<String> errors() throws IOException {
        return Files.readAllLines(dir.resolve("server.log")).stream()
                .filter(l -> l.contains("ERROR:") || l.contains("FATAL:") || l.contains("PANIC:")).toList();
    }
}
