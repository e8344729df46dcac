package org.yizhan.itests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The operators' cluster script (assemblies/yizhan-cluster/cluster.sh), as tests run it: its own folder and ports. */
final class ClusterScript {

    private static final Path SCRIPT = Path.of(System.getProperty("yizhan.cluster.script", "../yizhan-cluster/cluster.sh"));

    private ClusterScript() {
    }

    /** {@code cluster.sh args...} with its folder, base port, the build's distribution and broker. */
    static ProcessBuilder command(Path dir, int basePort, String... args) {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("YIZHAN_CLUSTER_DIR", dir.toAbsolutePath().toString());
        pb.environment().put("YIZHAN_CLUSTER_PORT", Integer.toString(basePort));
        pb.environment().put("YIZHAN_TARBALL", System.getProperty("yizhan.distribution"));
        pb.environment().put("ARTEMIS_TARBALL", System.getProperty("yizhan.artemis"));
        return pb;
    }

    /** The folder of the script's PostgreSQL server (under /var/tmp as root, whose files the postgres user must reach). */
    static Postgres postgres(Path dir, int basePort) {
        return Postgres.existing("root".equals(System.getProperty("user.name"))
                ? Path.of("/var/tmp/yizhan-cluster-" + basePort + "/pg") : dir.resolve("pg"), basePort + 1);
    }
}
