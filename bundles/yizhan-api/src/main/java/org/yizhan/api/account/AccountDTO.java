package org.yizhan.api.account;

import java.util.Set;

/**
 * What the platform needs to know of a signed-in account on each request: its center, roles,
 * whether it may work (active, not locked, no pending password change) and a stamp that changes
 * whenever its credentials or standing change, so that a cached sign-in is dropped at once.
 */
public record AccountDTO(String username, long centerId, Set<String> roles, boolean active,
                         boolean mustChangePassword, boolean locked, long stamp) {
}
