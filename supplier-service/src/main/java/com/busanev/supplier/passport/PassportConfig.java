package com.busanev.supplier.passport;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Battery passports ({@code supplier.passport.*}); docs/supplier-service.md, "Battery passport". */
@ConfigMapping(prefix = "supplier.passport")
public interface PassportConfig {
    /**
     * The public address the passports are served under (what a pack's QR code carries, followed by
     * {@code /passports/<serial>}): the service's public host, stable for the battery's life.
     */
    @WithDefault("http://localhost:8084")
    String publicBaseUrl();
}
