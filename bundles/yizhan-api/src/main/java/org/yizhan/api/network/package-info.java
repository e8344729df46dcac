@Export
@Version("0.2.0")
package org.yizhan.api.network;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
