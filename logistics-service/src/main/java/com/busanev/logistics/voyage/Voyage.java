package com.busanev.logistics.voyage;

import com.busanev.events.TransportMode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A sailing from Busan New Port: a Ro-Ro car carrier, or a container service with 3 cars per 40 ft box. */
@Entity
@Table(name = "voyage")
public class Voyage extends PanacheEntityBase {
    public static final int CARS_PER_CONTAINER = 3;

    @Id
    public UUID id;
    public String code;
    public String vessel;
    @Enumerated(EnumType.STRING)
    public TransportMode mode;
    @Column(name = "destination_port")
    public String destinationPort;
    public Instant departure;
    /** The last moment a car may reach the terminal for this sailing: departure minus the cut-off hours. */
    @Column(name = "cut_off")
    public Instant cutOff;
    @Column(name = "transit_days")
    public int transitDays;
    @Column(name = "cut_off_hours")
    public int cutOffHours;
    @Column(name = "capacity_cars")
    public int capacityCars;
    public Integer containers;
    @Column(name = "booked_cars")
    public int bookedCars;
    @Enumerated(EnumType.STRING)
    public VoyageStatus status;
    @Column(name = "actual_departure")
    public Instant actualDeparture;
    @Column(name = "actual_arrival")
    public Instant actualArrival;
    public Instant eta;
    @Version
    public int version;

    /** Sets the planned departure and what follows from it: the cut-off and the ETA. */
    public void schedule(Instant plannedDeparture) {
        departure = plannedDeparture;
        cutOff = plannedDeparture.minus(Duration.ofHours(cutOffHours));
        eta = plannedArrival(plannedDeparture);
    }

    public boolean hasRoom() {
        return bookedCars < capacityCars;
    }

    /** Still in port, with a free place, and a car ready at {@code readyAt} makes its cut-off. */
    public boolean canTake(Instant readyAt) {
        return status == VoyageStatus.PLANNED && hasRoom() && !cutOff.isBefore(readyAt);
    }

    public String containerId(int number) {
        return String.format("%s-C%03d", code, number);
    }

    public Instant plannedArrival(Instant departed) {
        return departed.plus(Duration.ofDays(transitDays));
    }
}
