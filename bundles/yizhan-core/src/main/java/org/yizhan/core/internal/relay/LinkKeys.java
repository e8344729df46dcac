package org.yizhan.core.internal.relay;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The relay link keys, in a file of their own under {@code etc/} that only the platform's user
 * may read (never in the database: a copy of the database files signs nothing). One line per
 * link, {@code <local>><peer> = <key, base64url>,<created millis>}. Read again when the file
 * changes, so the nodes of one installation that share {@code etc/} agree.
 */
final class LinkKeys {

    record Key(byte[] secret, long createdAtMillis) {
    }

    private final Path file;
    private long loadedStamp = Long.MIN_VALUE;
    private Map<String, Key> keys = Map.of();

    LinkKeys(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    synchronized Key key(String local, String peer) {
        return current().get(name(local, peer));
    }

    synchronized Map<String, Key> all() {
        return new TreeMap<>(current());
    }

    synchronized void put(String local, String peer, byte[] secret, long createdAtMillis) {
        Map<String, Key> next = new TreeMap<>(current());
        next.put(name(local, peer), new Key(secret.clone(), createdAtMillis));
        write(next);
    }

    synchronized boolean remove(String local, String peer) {
        Map<String, Key> next = new TreeMap<>(current());
        if (next.remove(name(local, peer)) == null) {
            return false;
        }
        write(next);
        return true;
    }

    private static String name(String local, String peer) {
        return local + ">" + peer;
    }

    private Map<String, Key> current() {
        try {
            long stamp = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() ^ Files.size(file) : -1;
            if (stamp != loadedStamp) {
                keys = read();
                loadedStamp = stamp;
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the relay link keys in " + file, e);
        }
    }

    private Map<String, Key> read() throws IOException {
        Map<String, Key> read = new TreeMap<>();
        if (!Files.exists(file)) {
            return read;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        for (String name : p.stringPropertyNames()) {
            String[] parts = p.getProperty(name).trim().split(",", 2);
            long created = parts.length > 1 ? Long.parseLong(parts[1].trim()) : 0;
            read.put(name, new Key(Base64.getUrlDecoder().decode(parts[0].trim()), created));
        }
        return read;
    }

    private void write(Map<String, Key> next) {
        Properties p = new Properties();
        next.forEach((name, key) -> p.setProperty(name,
                Base64.getUrlEncoder().withoutPadding().encodeToString(key.secret()) + "," + key.createdAtMillis()));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "Yizhan relay link keys: secret, readable by the platform's user only (yizhan:link-*)");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            keys = new TreeMap<>(next);
            loadedStamp = Files.getLastModifiedTime(file).toMillis() ^ Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the relay link keys to " + file, e);
        }
    }
}
