/** The platform's audit log: append-only and hash-chained. */
@Export
@Version("0.2.0")
package org.yizhan.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
