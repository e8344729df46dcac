package org.yizhan.shell.internal;

import java.util.function.Supplier;

import org.yizhan.api.YizhanException;

/** Runs a platform call from the console: a refusal prints its reason in both languages instead of a stack trace. */
final class Commands {

    private Commands() {
    }

    static <T> T run(Supplier<T> call) {
        try {
            return call.get();
        } catch (YizhanException e) {
            String field = e.field() == null ? "" : " [" + e.field() + "]";
            throw new IllegalArgumentException(e.getMessage() + field + " / " + e.messageZh(), e);
        }
    }
}
