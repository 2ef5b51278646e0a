/** The credit ledger: trial credits and paid tokens, their balances and every movement between them. */
@NullMarked
package com.yarda.credits;

import org.jspecify.annotations.NullMarked;
