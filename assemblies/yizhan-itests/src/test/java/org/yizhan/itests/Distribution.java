package org.yizhan.itests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The distribution as an operator runs it: unpacked from the build's tar.gz into its own folder,
 * started with bin/karaf, stopped with bin/stop, driven over HTTP and bin/client.
 */
public final class Distribution implements AutoCloseable {

    private final Path home;
    private final int httpPort;
    private final int sshPort;
    private Process process;

    private Distribution(Path home, int httpPort, int sshPort) {
        this.home = home;
        this.httpPort = httpPort;
        this.sshPort = sshPort;
    }

    /** Unpacks a fresh copy into {@code target/<name>} with the given ports, demo mode on. */
    public static Distribution unpack(String name, int httpPort, int sshPort)
            throws IOException, InterruptedException {
        Path target = Path.of(System.getProperty("project.build.directory", "target"), name);
        deleteTree(target);
        Files.deleteIfExists(target.resolveSibling(name + "-console.log"));
        Files.createDirectories(target);
        String tarball = System.getProperty("yizhan.distribution");
        run(List.of("tar", "xzf", tarball, "-C", target.toString(), "--strip-components=1"), target, Duration.ofMinutes(2));
        Distribution d = new Distribution(target, httpPort, sshPort);
        d.setConfig("org.yizhan.platform.cfg", "demo", "true");
        // an empty demo county unless a test asks for the lived-in one (demoHistoryDays)
        d.setConfig("org.yizhan.platform.cfg", "demoHistoryDays", "0");
        d.setConfig("org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(httpPort));
        d.setConfig("org.ops4j.pax.web.cfg", "org.osgi.service.http.port.secure", Integer.toString(securePort(httpPort)));
        d.setConfig("org.apache.karaf.shell.cfg", "sshPort", Integer.toString(sshPort));
        return d;
    }

    /** A fresh demo distribution ({@link #unpack}), started, once its health answers UP. */
    public static Distribution running(String name, int httpPort, int sshPort) throws Exception {
        return running(name, httpPort, sshPort, java.util.Map.of());
    }

    /** The same with settings of etc/org.yizhan.platform.cfg set before the first start. */
    public static Distribution running(String name, int httpPort, int sshPort,
                                       java.util.Map<String, String> platform) throws Exception {
        Distribution d = unpack(name, httpPort, sshPort);
        for (java.util.Map.Entry<String, String> e : platform.entrySet()) {
            d.setConfig("org.yizhan.platform.cfg", e.getKey(), e.getValue());
        }
        d.start();
        d.awaitHealthUp(Duration.ofSeconds(180));
        return d;
    }

    /** The HTTPS port of a distribution with this HTTP port (28181 -> 38181). */
    public static int securePort(int httpPort) {
        return httpPort + 10_000;
    }

    public Path home() {
        return home;
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort + "/api/v1";
    }

    /**
     * Runs a script of bin/ as an operator with no JAVA_HOME would: only a {@code java} on the
     * PATH. Answers what it printed.
     */
    public String runWithoutJavaHome(String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin").resolve(script).toString())
                .directory(home.toFile()).redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + pb.environment().getOrDefault("PATH", "/usr/bin:/bin"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("bin/" + script + " did not end: " + out);
        }
        return out;
    }

    /** The command line of the container's JVM (the java process bin/karaf started). */
    public String jvmCommandLine() {
        return Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
                .filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .map(h -> String.join(" ", h.info().arguments().orElse(new String[0])))
                .findFirst().orElseThrow(() -> new AssertionError("no JVM under bin/karaf"));
    }

    /** The API over HTTPS, as another container relays to it. */
    public String secureUrl() {
        return "https://localhost:" + securePort(httpPort) + "/api/v1";
    }

    /**
     * docs/operations.md's export, run in this container's folder: its HTTPS certificate (made by
     * bin/setenv on the first start) as a PEM file, to give to the containers that relay to it.
     */
    public Path exportCertificate(String file) throws IOException, InterruptedException {
        keytool(home, "-exportcert", "-rfc", "-alias", "yizhan", "-keystore", "etc/yizhan-tls.p12", "-storepass", "yizhan-tls",
                "-file", file);
        return home.resolve(file);
    }

    /** docs/operations.md's import, run in this container's folder: trust a peer's certificate. */
    public void trust(String alias, Path pem) throws IOException, InterruptedException {
        keytool(home, "-importcert", "-noprompt", "-alias", alias, "-file", pem.toString(), "-keystore", "etc/yizhan-truststore.p12",
                "-storetype", "PKCS12", "-storepass", "yizhan-peers");
    }

    /** The JDK's keytool, as an operator runs it, in {@code dir}. */
    static void keytool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        run(command, dir, Duration.ofMinutes(2));
    }

    /** Sets {@code key = value} in {@code etc/<file>}, replacing an existing line for the key. */
    public void setConfig(String file, String key, String value) throws IOException {
        Path cfg = home.resolve("etc").resolve(file);
        List<String> lines = Files.exists(cfg) ? new ArrayList<>(Files.readAllLines(cfg)) : new ArrayList<>();
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith(key + " ") || line.startsWith(key + "=")) {
                lines.set(i, key + " = " + value);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(key + " = " + value);
        }
        Files.write(cfg, lines);
    }

    /** Starts bin/karaf in the background (no console), its output in target/&lt;name&gt;-console.log. */
    public void start() throws IOException {
        start(java.util.Map.of());
    }

    /** Starts bin/karaf with extra environment variables (e.g. YIZHAN_BOOTSTRAP_PASSWORD). */
    public void start(java.util.Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolveSibling(home.getFileName() + "-console.log").toFile()));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        process = pb.start();
    }

    /** Waits until /health answers UP; returns the answer, or fails with the log's tail. */
    public HttpResponse<String> awaitHealthUp(Duration deadline) throws Exception {
        HttpResponse<String> r = Http.awaitGet(baseUrl() + "/health", deadline,
                resp -> resp.statusCode() == 200 && resp.body().contains("\"status\":\"UP\""));
        if (r == null || r.statusCode() != 200) {
            throw new AssertionError("health not UP within " + deadline + ": "
                    + (r == null ? "no answer" : r.statusCode() + " " + r.body()) + "\n" + logTail());
        }
        return r;
    }

    /** Runs console commands through bin/client as the given user; returns what it printed, without colours. */
    public String console(String user, String password, String commands) throws IOException, InterruptedException {
        Path script = Files.createTempFile(home, "commands", ".txt");
        Files.writeString(script, commands + "\n");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/client").toString(),
                "-a", Integer.toString(sshPort), "-u", user, "-p", password, "-r", "10", "-b")
                .directory(home.toFile()).redirectErrorStream(true).redirectInput(script.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process client = pb.start();
        byte[] out = client.getInputStream().readAllBytes();
        client.waitFor(60, TimeUnit.SECONDS);
        // The console colours its output (grep highlights matches); tests read plain text.
        return new String(out, StandardCharsets.UTF_8).replaceAll("\u001B\\[[;\\d]*m", "");
    }

    /** Stops the container with bin/stop and waits for the process to end. */
    public void stop() throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.start().waitFor(60, TimeUnit.SECONDS);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("bin/stop did not stop the container within 90 s");
        }
    }

    /** Kills the container's JVM as a crash would (SIGKILL). */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    public String logTail() {
        Path log = home.resolve("data/log/karaf.log");
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of("(no karaf.log)");
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(karaf.log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            kill();
        }
    }

    /** Runs a command in {@code dir} with this process's output; one that fails or outlives {@code deadline} fails the test. */
    static void run(List<String> command, Path dir, Duration deadline) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (!p.waitFor(deadline.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("command failed: " + command);
        }
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

}
