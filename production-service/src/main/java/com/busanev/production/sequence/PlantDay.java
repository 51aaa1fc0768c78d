package com.busanev.production.sequence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The plant's own cars of one production day, as last sent (JSON list of {@link PlantVehicle}). */
@Entity
@Table(name = "plant_vehicles")
public class PlantDay extends PanacheEntityBase {
    @Id
    public LocalDate day;
    @Column(columnDefinition = "text")
    public String vehicles;
    @Column(name = "received_by")
    public String receivedBy;
    @Column(name = "received_at")
    public Instant receivedAt;
}
