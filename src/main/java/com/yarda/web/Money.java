package com.yarda.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Prices in templates ({@code ${@money.format(cents, currency)}}), e.g. {@code $10.00}. */
@Component("money")
public class Money {

    public String format(int cents, String currency) {
        Currency unit = Currency.getInstance(currency.toUpperCase(Locale.ROOT));
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(unit);
        // amounts are in the currency's smallest unit: cents for USD, whole yen for JPY
        return format.format(BigDecimal.valueOf(cents, Math.max(0, unit.getDefaultFractionDigits())));
    }
}
