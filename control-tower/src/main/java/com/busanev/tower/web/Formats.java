package com.busanev.tower.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** How the views write instants: to the minute, in plant time (Busan), as the plant's people read them. */
@TemplateExtension
public final class Formats {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlantClock.PLANT_ZONE);

    private Formats() {
    }

    /** {@code {order.eta.local}}: e.g. 2027-04-05 19:10. */
    static String local(Instant instant) {
        return MINUTES.format(instant);
    }
}
