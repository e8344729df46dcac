package org.yizhan.api.window;

/** Where a validator reports what it refuses: the field at fault, in English and Chinese. */
public interface Refusals {

    /** The input is wrong (400): a missing or malformed form value. */
    void badInput(String field, String message, String messageZh);

    /** A condition of the item is not met (422), e.g. an age or land-area rule; names the rule if any. */
    void conditionNotMet(String field, String message, String messageZh);
}
