/** Cross-cutting plumbing: the embedded database, problem+json errors, security, clock and health. */
@NullMarked
package com.yarda.platform;

import org.jspecify.annotations.NullMarked;
