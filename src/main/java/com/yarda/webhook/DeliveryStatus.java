package com.yarda.webhook;

import com.yarda.platform.ApiValue;

/** {@code pending} (first attempt, or a retry, still to come) → {@code delivered} | {@code failed} (given up). */
public enum DeliveryStatus implements ApiValue {
    PENDING,
    DELIVERED,
    FAILED;

    static DeliveryStatus of(String value) {
        return ApiValue.of(DeliveryStatus.class, value);
    }
}
