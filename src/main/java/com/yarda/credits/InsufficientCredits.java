package com.yarda.credits;

import com.yarda.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** No trial credit and no token left. */
public final class InsufficientCredits extends ProblemException {

    public InsufficientCredits() {
        super(
                HttpStatus.PAYMENT_REQUIRED,
                "insufficient_credits",
                "No credits left",
                "You have no trial credits or tokens left. Buy a token pack to create more designs.");
    }
}
