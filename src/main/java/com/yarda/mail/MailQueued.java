package com.yarda.mail;

import java.util.UUID;

/** An email was written to the outbox; delivery starts once the writing transaction commits. */
record MailQueued(UUID id) {}
