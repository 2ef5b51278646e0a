-- At most yarda.mail.per-recipient-per-hour emails of any kind to one address in any hour (Mailer): counted here,
-- by the address as written in lower case.
CREATE INDEX ix_mail_outbox_recipient ON mail_outbox (lower(recipient), created_at);
