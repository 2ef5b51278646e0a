package com.yarda.webhook;

/** Deliveries were written; this instance's dispatcher takes them once the writing transaction commits. */
record DeliveriesQueued() {}
