package com.busanev.supplier.allocation;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * Settlement currencies and their fixed planning rates to USD ({@code supplier.fx-to-usd.*}), so offers in
 * KRW, USD, EUR and CNY compare by cost per pack; treasury updates them, the allocator does not speculate.
 */
@ConfigMapping(prefix = "supplier")
public interface CurrencyRates {
    Map<String, BigDecimal> fxToUsd();

    default boolean knows(String currency) {
        return fxToUsd().containsKey(currency);
    }

    default Set<String> currencies() {
        return fxToUsd().keySet();
    }

    default double toUsd(BigDecimal amount, String currency) {
        return amount.multiply(fxToUsd().get(currency)).doubleValue();
    }
}
