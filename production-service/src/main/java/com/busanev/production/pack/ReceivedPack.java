package com.busanev.production.pack;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.ConstructorResult;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A battery pack received at the plant (from supplier-service's PacksReceived), and the build that took it. */
@Entity
@Table(name = "received_pack")
@SqlResultSetMapping(name = PackStock.PackInStock.MAPPING, classes = @ConstructorResult(
        targetClass = PackStock.PackInStock.class, columns = {@ColumnResult(name = "serial", type = String.class),
                @ColumnResult(name = "supplier", type = String.class)}))
public class ReceivedPack extends PanacheEntityBase {
    @Id
    public String serial;
    public String supplier;
    @Column(name = "contract_id")
    public UUID contractId;
    @Column(name = "delivery_id")
    public UUID deliveryId;
    /** The markets the pack may go to, each between commas (",CA,KR,"), so one LIKE finds a market's packs. */
    @Column(name = "allowed_markets")
    public String allowedMarkets;
    @Column(name = "received_on")
    public LocalDate receivedOn;
    /** The build that took it; null while it is in stock. */
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "consumed_at")
    public Instant consumedAt;

    static String marketsColumn(List<String> markets) {
        return "," + String.join(",", markets) + ",";
    }

    static String pattern(String market) {
        return "%," + market + ",%";
    }

    public boolean allows(String market) {
        return allowedMarkets.contains("," + market + ",");
    }

    public List<String> allowedMarketList() {
        return Arrays.stream(allowedMarkets.split(",")).filter(m -> !m.isEmpty()).toList();
    }
}
