/**
 * Relay (R23) and integration: the outbox written with each case change, the inbox that takes a
 * message exactly once, the village ledger (R5), and the dead letters an operator replays.
 */
@Export
@Version("0.3.0")
package org.yizhan.api.relay;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
