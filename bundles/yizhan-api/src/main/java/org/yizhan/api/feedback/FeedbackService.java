package org.yizhan.api.feedback;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.yizhan.api.Caller;

/** Ratings of finished cases and the rectification of bad ones (R21). */
@ProviderType
public interface FeedbackService {

    /** The applicant rates a finished case with its lookup code; 409 when it is not finished or already rated. */
    RatingDTO ratePublic(String number, String lookupCode, RatingInput input);

    /** A clerk records the applicant's rating at the window, marked as recorded on their behalf. */
    RatingDTO rate(Caller caller, String number, RatingInput input);

    /** Rectifications at the caller's centers (and below); center and status may be null. */
    List<RectificationDTO> rectifications(Caller caller, Long center, String status);

    RectificationDTO rectification(Caller caller, long id);

    /** verify, rectify, visit, close, appeal, uphold, reject; {@code text} says what was found, done or answered. */
    RectificationDTO act(Caller caller, long id, String action, String text);

    /** Finished cases at the caller's centers not rated some days after they finished: to be invited to rate. */
    List<UnratedDTO> unrated(Caller caller, Long center);
}
