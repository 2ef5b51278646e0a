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
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
        return format.format(BigDecimal.valueOf(cents, 2));
    }
}
