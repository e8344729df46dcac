package org.yizhan.api.cases;

/** Why a case's clock stops (R13): typed, and reported separately. */
public enum PauseKind {
    /** 材料补正: the applicant corrects or adds materials. */
    SUPPLEMENT,
    /** 现场勘查 */
    SITE_INSPECTION,
    /** 专家评审 */
    EXPERT_REVIEW,
    /** 听证 */
    HEARING,
    /** 公示 */
    PUBLICATION
}
