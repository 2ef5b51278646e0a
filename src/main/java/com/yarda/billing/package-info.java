/** Buying tokens: token packs, purchases paid through Stripe Checkout (or a built-in test checkout), webhooks. */
@NullMarked
package com.yarda.billing;

import org.jspecify.annotations.NullMarked;
