CREATE TABLE orders (
    id               uuid PRIMARY KEY,
    brand            text NOT NULL,
    brand_reference  text NOT NULL,
    model            text NOT NULL,
    variant          text NOT NULL,
    exterior_colour  text NOT NULL,
    interior         text NOT NULL,
    option_packs     text NOT NULL,
    wheels           text NOT NULL,
    market           text NOT NULL,
    region           text NOT NULL,
    requested_week   text,
    priority         integer NOT NULL,
    status           text NOT NULL,
    status_at        timestamp with time zone NOT NULL,
    planned_date     date,
    blocked_reason   text,
    vin              text,
    voyage_id        uuid,
    vessel           text,
    transport_mode   text,
    destination_port text,
    eta              timestamp with time zone,
    created_at       timestamp with time zone NOT NULL,
    updated_at       timestamp with time zone NOT NULL,
    version          integer NOT NULL,
    CONSTRAINT orders_brand_reference UNIQUE (brand, brand_reference)
);
CREATE INDEX orders_brand_created ON orders (brand, created_at);
CREATE INDEX orders_status ON orders (status);
CREATE INDEX orders_market ON orders (market);

-- What happened to an order, from its own actions and the events of the other services.
CREATE TABLE order_timeline (
    id          uuid PRIMARY KEY,
    order_id    uuid NOT NULL REFERENCES orders (id),
    event_id    text NOT NULL,
    event_type  text NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    detail      text,
    CONSTRAINT order_timeline_event UNIQUE (order_id, event_id)
);
CREATE INDEX order_timeline_order ON order_timeline (order_id, occurred_at);
