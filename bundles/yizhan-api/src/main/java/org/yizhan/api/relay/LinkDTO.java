package org.yizhan.api.relay;

/**
 * A relay link: the key this container shares with one neighbouring center's container (a
 * village and its town, a town and the county). {@code token} is set only in the answer that
 * creates the link: it carries the key to the other side and is shown once.
 */
public class LinkDTO {
    /** Code of the center in this container. */
    public String localCenter;
    /** Code of the neighbouring center at the other end. */
    public String peerCenter;
    /** First characters of the key's SHA-256, to compare both ends without showing the key. */
    public String fingerprint;
    public long createdAtMillis;
    /** Only when created: {@code yizhan-link:1:<local>:<peer>:<key>}, for yizhan:link-import on the other side. */
    public String token;
}
