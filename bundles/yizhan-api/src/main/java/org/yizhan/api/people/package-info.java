/** The people at the windows (R4, R16, R17, R18, R25, R26): posts, presence, the whereabouts board, duty rosters, appointments. */
@Export
@Version("0.1.0")
package org.yizhan.api.people;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
