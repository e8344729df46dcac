package org.yizhan.api.cases;

/** A joint window's opinion on a joint case (R15). */
public class OpinionDTO {
    public String window;
    /** AGREE or DISAGREE. */
    public String opinion;
    public String reason;
    public String by;
    public String at;
}
