package org.yizhan.api.relay;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.yizhan.api.Caller;

/**
 * Who may hand this container a relay message: each link between two neighbouring centers has a
 * key of its own, generated on one side and imported on the other, and every message over it is
 * signed (HMAC-SHA256 over the sending and receiving center, the time and the body). A message is
 * taken only when its signature verifies with the key of the link it claims, and it is recent.
 */
@ProviderType
public interface RelayLinks {

    /** The sending center's code (HTTP header; JMS property {@code yizhanFrom}). */
    String FROM = "X-Yizhan-From";
    /** The receiving center's code (JMS property {@code yizhanTo}). */
    String TO = "X-Yizhan-To";
    /** When it was signed, milliseconds since the epoch (JMS property {@code yizhanTimestamp}). */
    String TIMESTAMP = "X-Yizhan-Timestamp";
    /** {@code v1=<base64url HMAC-SHA256>} (JMS property {@code yizhanSignature}). */
    String SIGNATURE = "X-Yizhan-Signature";

    /** The name a verified message's caller carries: the link it came over, {@code link T1V1>T1}. */
    static String name(String fromCenter, String toCenter) {
        return "link " + fromCenter + ">" + toCenter;
    }

    /** County admins: a new key for the link between a center here and its parent or child. */
    LinkDTO create(Caller caller, String localCenter, String peerCenter);

    /** County admins: takes the other side's token; the link's ends swap. */
    LinkDTO importLink(Caller caller, String token);

    /** County admins: the links this container holds (no keys). */
    List<LinkDTO> links(Caller caller);

    /** County admins: forgets a link; messages over it are refused from then on. */
    boolean remove(Caller caller, String localCenter, String peerCenter);

    /** The four headers that sign a message from {@code fromCenter} to {@code toCenter}; refused when there is no such link. */
    Map<String, String> sign(String fromCenter, String toCenter, byte[] body);

    /**
     * The caller a signed message speaks for (role {@code relay}, the sending center, the link in
     * its name), or a 401 when the link is unknown, the signature wrong or the time too far off;
     * a refusal is written to the audit log with {@code source}.
     */
    Caller verify(String fromCenter, String toCenter, String timestamp, String signature, byte[] body, String source);
}
