/** The credit ledger: trial credits and paid tokens, their balances and every movement between them. */
@ApplicationModule(allowedDependencies = {"platform"})
@NullMarked
package com.yarda.credits;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
