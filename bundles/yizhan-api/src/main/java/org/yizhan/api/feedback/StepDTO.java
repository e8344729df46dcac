package org.yizhan.api.feedback;

/** One step of a rectification or a complaint, as its history shows it. */
public class StepDTO {
    public String at;
    public String actor;
    public String role;
    public String action;
    public String from;
    public String to;
    public String text;
}
