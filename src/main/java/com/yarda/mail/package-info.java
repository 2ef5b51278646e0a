/** Outgoing email through a persistent outbox, delivered over SMTP (or to the log when no server is set). */
@NullMarked
package com.yarda.mail;

import org.jspecify.annotations.NullMarked;
