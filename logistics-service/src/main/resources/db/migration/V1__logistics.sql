CREATE TABLE voyage (
    id                uuid PRIMARY KEY,
    code              text NOT NULL UNIQUE,
    vessel            text NOT NULL,
    mode              text NOT NULL,
    destination_port  text NOT NULL,
    departure         timestamp with time zone NOT NULL,
    transit_days      integer NOT NULL,
    cut_off_hours     integer NOT NULL,
    capacity_cars     integer NOT NULL,
    containers        integer,
    booked_cars       integer NOT NULL,
    status            text NOT NULL,
    actual_departure  timestamp with time zone,
    actual_arrival    timestamp with time zone,
    eta               timestamp with time zone NOT NULL,
    version           integer NOT NULL
);
CREATE INDEX voyage_open ON voyage (destination_port, departure) WHERE status = 'PLANNED';

CREATE TABLE shipment (
    order_id          uuid PRIMARY KEY,
    vin               text NOT NULL,
    brand             text NOT NULL,
    market            text NOT NULL,
    region            text NOT NULL,
    status            text NOT NULL,
    mode              text,
    voyage_id         uuid REFERENCES voyage (id),
    container_id      text,
    destination_port  text,
    ready_at          timestamp with time zone NOT NULL,
    eta               timestamp with time zone,
    booked_at         timestamp with time zone,
    departed_at       timestamp with time zone,
    arrived_at        timestamp with time zone,
    version           integer NOT NULL
);
CREATE INDEX shipment_waiting ON shipment (region, ready_at) WHERE status = 'UNBOOKED';
CREATE INDEX shipment_voyage ON shipment (voyage_id);
CREATE INDEX shipment_vin ON shipment (vin);
CREATE INDEX shipment_trucks ON shipment (status) WHERE mode = 'TRUCK';
