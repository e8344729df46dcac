package org.yizhan.api.feedback;

/**
 * The body of a complaint action: {@code answer} {text, upheld, onTheSpot}; {@code refer}
 * {agency, text: the proposal}; {@code follow-up} {text: what the complainant said}.
 */
public class ComplaintActionDTO {
    public String text;
    public Boolean upheld;
    public Boolean onTheSpot;
    public String agency;
}
