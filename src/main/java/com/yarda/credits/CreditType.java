package com.yarda.credits;

/** What paid for a generation: a free trial credit or a purchased token. Trial credits are spent first. */
public enum CreditType {
    TRIAL,
    TOKEN;

    public String value() {
        return name().toLowerCase();
    }

    static CreditType of(String value) {
        return valueOf(value.toUpperCase());
    }
}
