package com.busanev.supplier.allocation;

import com.busanev.events.Region;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One car that needs a pack of its region and market in the week the plant planned (or wants to plan) it in. */
@Entity
@Table(name = "demand")
public class Demand extends PanacheEntityBase {
    @Id
    @Column(name = "order_id")
    public UUID orderId;
    @Enumerated(EnumType.STRING)
    public Region region;
    /** The car's market (ISO country code), whose sourcing rule its pack must satisfy; null if never told. */
    public String market;
    public String week;
}
