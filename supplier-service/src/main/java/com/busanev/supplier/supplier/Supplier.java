package com.busanev.supplier.supplier;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A battery maker the partnership contracts with, known by a short code that tokens carry too. */
@Entity
@Table(name = "supplier")
public class Supplier extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String country;
}
