/** Outgoing email through a persistent outbox, delivered over SMTP (or to the log when no server is set). */
@ApplicationModule(allowedDependencies = {"platform"})
@NullMarked
package com.yarda.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
