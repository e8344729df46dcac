package org.yizhan.api.relay;

/** The receiving side refused a message: retrying the same message will not help. */
public class RelayRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RelayRejectedException(String message) {
        super(message);
    }
}
