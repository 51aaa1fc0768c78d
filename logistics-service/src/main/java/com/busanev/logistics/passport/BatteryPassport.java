package com.busanev.logistics.passport;

import com.busanev.events.BatteryPassportIssued;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The latest battery passport supplier-service issued for an order's pack (the highest version seen). */
@Entity
@Table(name = "battery_passport")
public class BatteryPassport extends PanacheEntityBase {
    @Id
    @Column(name = "order_id")
    public UUID orderId;
    public String vin;
    public String market;
    @Column(name = "pack_serial")
    public String packSerial;
    @Column(name = "passport_url")
    public String passportUrl;
    /** supplier-service's version of the passport: a higher one replaces it, a lower one never does. */
    public int version;
    public boolean complete;
    /** The mandatory fields not known yet; empty when complete. */
    @Column(columnDefinition = "text[]")
    public String[] missing;
    @Column(name = "issued_at")
    public Instant issuedAt;

    static BatteryPassport of(BatteryPassportIssued issued) {
        BatteryPassport passport = new BatteryPassport();
        passport.orderId = issued.orderId();
        passport.update(issued);
        return passport;
    }

    void update(BatteryPassportIssued issued) {
        vin = issued.vin();
        market = issued.market();
        packSerial = issued.packSerial();
        passportUrl = issued.passportUrl();
        version = issued.version();
        complete = issued.complete();
        missing = issued.missing() == null ? new String[0] : issued.missing().toArray(String[]::new);
        issuedAt = issued.issuedAt();
    }
}
