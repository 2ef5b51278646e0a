/** Buying tokens: token packs, purchases paid through Stripe Checkout (or a built-in test checkout), webhooks. */
@ApplicationModule(allowedDependencies = {"account", "credits", "platform"})
@NullMarked
package com.yarda.billing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
