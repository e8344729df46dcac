/** The public's voice (R20, R21, R22, R28): ratings of finished cases, rectification of bad ones, complaints, assessments. */
@Export
@Version("0.1.0")
package org.yizhan.api.feedback;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
