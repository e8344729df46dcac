package org.yizhan.api.cases;

/** The result of re-computing a case's hash chain. */
public class VerificationDTO {
    public boolean valid;
    public int events;
    /** The sequence number of the first event that does not match, when not valid. */
    public Integer brokenAt;
}
