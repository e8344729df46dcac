package org.yizhan.itests;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An Artemis broker in its own process, as production runs it: unpacked, an instance created, run. */
public final class Artemis implements AutoCloseable {

    public static final String USER = "yizhan";
    public static final String PASSWORD = "yizhan-broker";

    private final Path instance;
    private final int port;
    private Process process;

    private Artemis(Path instance, int port) {
        this.instance = instance;
        this.port = port;
    }

    public static Artemis create(String name, int port) throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("project.build.directory", "target"), name);
        Distribution.deleteTree(dir);
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        run(List.of("tar", "xzf", System.getProperty("yizhan.artemis"), "-C", home.toString(), "--strip-components=1"), dir);
        Path instance = dir.resolve("instance");
        run(List.of(home.resolve("bin/artemis").toString(), "create", "--silent", "--user", USER, "--password", PASSWORD,
                "--require-login", "--no-web", "--no-amqp-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor",
                "--no-hornetq-acceptor", "--default-port", Integer.toString(port), instance.toString()), dir);
        return new Artemis(instance, port);
    }

    public String url() {
        return "tcp://localhost:" + port;
    }

    /**
     * The broker's acceptor takes TLS only, with a key made by keytool for localhost (as an
     * operator sets up docs/operations.md's broker); returns the certificate's PEM file, for the
     * containers' truststores.
     */
    public Path tlsOnly() throws IOException, InterruptedException {
        Path keystore = instance.resolve("etc/broker-tls.p12");
        Path pem = instance.resolveSibling("broker.pem");
        Distribution.keytool(instance, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "30", "-dname", "CN=localhost, O=Yizhan test broker", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "broker-tls", "-keypass", "broker-tls");
        Distribution.keytool(instance, "-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(),
                "-storepass", "broker-tls", "-file", pem.toString());
        Path xml = instance.resolve("etc/broker.xml");
        String broker = Files.readString(xml);
        String tls = broker.replaceFirst("(<acceptor name=\"artemis\">tcp://[^?<]+\\?)",
                "$1sslEnabled=true;keyStorePath=" + keystore + ";keyStorePassword=broker-tls;keyStoreType=PKCS12;");
        if (tls.equals(broker)) {
            throw new IOException("no acceptor line in " + xml);
        }
        Files.writeString(xml, tls);
        return pem;
    }

    public void start(Duration deadline) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(instance.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(instance.resolveSibling("broker.log").toFile()));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process = pb.start();
        Api.until("Artemis listens on " + port, deadline, () -> {
            try (Socket s = new Socket("localhost", port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /** Sends one text message to a queue with the broker's own command line, as a department's system would send it. */
    public void send(String queue, String text) throws IOException, InterruptedException {
        run(List.of(instance.resolve("bin/artemis").toString(), "producer", "--url", url(), "--user", USER, "--password", PASSWORD,
                "--destination", "queue://" + queue, "--message-count", "1", "--message", text), instance);
    }

    /** Kills the broker as a crash would (SIGKILL to it and its JVM); {@link #start} brings it back on its journal. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.toHandle().descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("artemis-cli.log").toFile()));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("command failed: " + command);
        }
    }
}
