package com.yarda.credits;

import com.yarda.platform.ApiValue;

/** What paid for a generation: a free trial credit or a purchased token. Trial credits are spent first. */
public enum CreditType implements ApiValue {
    TRIAL,
    TOKEN;

    static CreditType of(String value) {
        return ApiValue.of(CreditType.class, value);
    }
}
