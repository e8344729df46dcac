package org.yizhan.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;

/**
 * Pax Exam options that boot the project's own distribution (the tar.gz the build just made),
 * in demo mode, on ports away from the defaults. Every in-container test starts from these.
 */
public final class YizhanOptions {

    public static final int HTTP_PORT = 18181;
    public static final int SSH_PORT = 18101;
    public static final int HTTPS_PORT = 18443;
    /**
     * How long an injected service may take to appear: Karaf restarts its features bundle once
     * after boot, and a busy 2-core machine can take far longer than Pax Exam's 10 s default.
     */
    public static final long SERVICE_TIMEOUT_MILLIS = 120_000;

    private YizhanOptions() {
    }

    public static Option[] distribution() {
        String distribution = System.getProperty("yizhan.distribution");
        String localRepo = System.getProperty("org.ops4j.pax.url.mvn.localRepository", "");
        String karafVersion = System.getProperty("karaf.version", "4.4.9");
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(distribution).toURI().toString())
                        .name("Yizhan")
                        .karafVersion(karafVersion)
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.INFO),
                CoreOptions.systemTimeout(180_000),
                editConfigurationFilePut("etc/org.yizhan.platform.cfg", "demo", "true"),
                // the demo county starts empty here: each test makes the cases it reads (DocsApiIT has the lived-in one)
                editConfigurationFilePut("etc/org.yizhan.platform.cfg", "demoHistoryDays", "0"),
                editConfigurationFilePut("etc/system.properties", "pax.exam.service.timeout", Long.toString(SERVICE_TIMEOUT_MILLIS)),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(HTTP_PORT)),
                // Pax Exam starts Karaf without bin/setenv, which makes the HTTPS key: HTTPS is GoLiveIT's, over the distribution
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.secure.enabled", "false"),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(SSH_PORT)),
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "updateSnapshots", "none"),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepo),
                // the tests wait on conditions with Awaitility, in the container too
                CoreOptions.mavenBundle("org.hamcrest", "hamcrest", System.getProperty("hamcrest.version", "2.2")),
                CoreOptions.mavenBundle("org.awaitility", "awaitility", System.getProperty("awaitility.version", "4.2.2"))));
        // Karaf 4.4 on Java 17: the launcher's module options, as bin/karaf passes them.
        for (String opt : List.of(
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*" + File.pathSeparator + "lib/endorsed/*")) {
            options.add(new VMOption(opt));
        }
        return options.toArray(new Option[0]);
    }

    /**
     * HTTPS on {@link #HTTPS_PORT} with a key made by keytool as bin/setenv makes it, and the relay
     * trusting that certificate (docs/operations.md's import), so a test can relay to this very
     * container over HTTPS. Runs keytool in the test runner, before the container starts.
     */
    public static Option[] https() {
        try {
            Path dir = Path.of(System.getProperty("project.build.directory", "target"), "exam-tls").toAbsolutePath();
            Distribution.deleteTree(dir);
            Files.createDirectories(dir);
            Distribution.keytool(dir, "-genkeypair", "-alias", "yizhan", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
                    "-dname", "CN=localhost, O=Yizhan", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", "yizhan-tls.p12", "-storepass", "yizhan-tls", "-keypass", "yizhan-tls");
            Distribution.keytool(dir, "-exportcert", "-rfc", "-alias", "yizhan", "-keystore", "yizhan-tls.p12",
                    "-storepass", "yizhan-tls", "-file", "self.pem");
            Distribution.keytool(dir, "-importcert", "-noprompt", "-alias", "self", "-file", "self.pem",
                    "-keystore", "yizhan-truststore.p12", "-storetype", "PKCS12", "-storepass", "yizhan-peers");
            return new Option[] {
                    editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.secure.enabled", "true"),
                    editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port.secure", Integer.toString(HTTPS_PORT)),
                    editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.ssl.keystore",
                            dir.resolve("yizhan-tls.p12").toString()),
                    editConfigurationFilePut("etc/org.yizhan.relay.cfg", "truststore", dir.resolve("yizhan-truststore.p12").toString())};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
