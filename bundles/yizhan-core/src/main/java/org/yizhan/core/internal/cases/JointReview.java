package org.yizhan.core.internal.cases;

/** What e-supervision's scan asks of a case in joint review (R14). */
public interface JointReview {

    /**
     * Records the deemed consent of every joint window whose deadline has passed without an
     * opinion; returns how many it recorded (0 when none, or when the case changed meanwhile).
     */
    int applyJointDefaults(String caseNumber);
}
