package org.yizhan.core.internal.feedback;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.yizhan.feedback.cfg}: time limits of ratings and complaints, and the assessment's weights (R21, R22, R28). */
@ObjectClassDefinition(name = "Yizhan ratings, complaints, assessments 好差评、投诉与考核",
        description = "Time limits of the rectification of bad ratings and of complaints, and how windows and centers are scored")
public @interface FeedbackConfig {
    String PID = "org.yizhan.feedback";

    @AttributeDefinition(name = "Rectification days 差评整改期限",
            description = "Working days, on the deciding center's calendar, to verify and rectify a bad rating and visit the applicant (R21)")
    int rectificationWorkingDays() default 15;

    @AttributeDefinition(name = "Complaint answer days 投诉答复期限",
            description = "Working days to answer a complaint that is not answered on the spot (R22)")
    int complaintAnswerWorkingDays() default 5;

    @AttributeDefinition(name = "Referral proposal days 转办意见期限",
            description = "Working days after acceptance to propose how a complaint another agency must handle goes there (R22)")
    int complaintProposalWorkingDays() default 2;

    @AttributeDefinition(name = "Invite to rate after 邀评天数",
            description = "Days after a case finished without a rating that it is listed to invite its applicant to rate (R21)")
    int inviteAfterDays() default 3;

    @AttributeDefinition(name = "Weight: on-time rate 按时办结率权重")
    double weight_onTime() default 30;

    @AttributeDefinition(name = "Weight: completion rate 办结率权重")
    double weight_completion() default 20;

    @AttributeDefinition(name = "Weight: satisfaction rate 满意率权重")
    double weight_satisfaction() default 30;

    @AttributeDefinition(name = "Weight: bad ratings rectified in time 差评整改率权重")
    double weight_rectification() default 20;

    @AttributeDefinition(name = "Points off per upheld complaint 有效投诉扣分",
            description = "Taken from the score (0-100) for each complaint found justified in the period")
    double penalty_upheldComplaint() default 5;
}
