/** Cross-cutting plumbing: the embedded database, problem+json errors, security, clock and health. */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package com.yarda.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
