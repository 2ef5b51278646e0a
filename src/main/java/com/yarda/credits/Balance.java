package com.yarda.credits;

/** A user's spendable credits. {@code totalAvailable} is always the sum of the two balances. */
public record Balance(int trialCredits, int tokenBalance, int totalAvailable) {

    public Balance {
        if (trialCredits < 0 || tokenBalance < 0 || totalAvailable != trialCredits + tokenBalance) {
            throw new IllegalArgumentException(
                    "inconsistent balance: " + trialCredits + " + " + tokenBalance + " != " + totalAvailable);
        }
    }

    static Balance of(int trialCredits, int tokenBalance) {
        return new Balance(trialCredits, tokenBalance, trialCredits + tokenBalance);
    }
}
