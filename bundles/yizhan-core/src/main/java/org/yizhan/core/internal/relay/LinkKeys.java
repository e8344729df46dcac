package org.yizhan.core.internal.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.yizhan.core.internal.SecretFile;

/**
 * The relay link keys, in a file of their own under {@code etc/} that only the platform's user
 * may read (never in the database: a copy of the database files signs nothing). One line per
 * link, {@code <local>><peer> = <key, base64url>,<created millis>}. Read again when the file
 * changes (looked at once a second), so the nodes of one installation that share {@code etc/} agree.
 */
final class LinkKeys {

    record Key(byte[] secret, long createdAtMillis) {
    }

    /** How often the file is looked at again: each message needs a key, not a file system call. */
    private static final long RECHECK_MILLIS = 1000;

    private final Path file;
    private long loadedStamp = Long.MIN_VALUE;
    /** When the file was last looked at; 0 so that the first look happens at once (MIN_VALUE would overflow). */
    private long checkedAtMillis;
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
        long now = System.currentTimeMillis();
        if (now - checkedAtMillis < RECHECK_MILLIS) {
            return keys;
        }
        checkedAtMillis = now;
        long stamp = stamp();
        if (stamp != loadedStamp) {
            keys = read();
            loadedStamp = stamp;
        }
        return keys;
    }

    private Map<String, Key> read() {
        Map<String, Key> read = new TreeMap<>();
        Properties p = SecretFile.read(file);
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
        SecretFile.write(file, p, "Yizhan relay link keys: secret, readable by the platform's user only (yizhan:link-*)");
        keys = new TreeMap<>(next);
        loadedStamp = stamp();
    }

    private long stamp() {
        try {
            return Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() ^ Files.size(file) : -1;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the relay link keys in " + file, e);
        }
    }
}
