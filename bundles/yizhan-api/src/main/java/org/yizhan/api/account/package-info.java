/** Staff accounts: who may sign in, where they work, what they may do. */
@Export
@Version("0.1.0")
package org.yizhan.api.account;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
