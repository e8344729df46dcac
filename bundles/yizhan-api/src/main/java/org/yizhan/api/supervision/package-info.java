/** E-supervision (R20): deadline alerts and rates. */
@Export
@Version("0.1.0")
package org.yizhan.api.supervision;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
