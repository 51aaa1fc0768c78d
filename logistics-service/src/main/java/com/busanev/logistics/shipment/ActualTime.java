package com.busanev.logistics.shipment;

import com.busanev.kit.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The actual time of a departure, arrival or delivery as reported by the operator; now when omitted. */
public record ActualTime(@Schema(description = "When it happened; now (plant clock) when omitted; never later than now")
        Instant at) {

    /** The reported time, or now; a time still to come reports something that has not happened: 400. */
    public static Instant orNow(Instant at, Clock clock) {
        Instant now = clock.instant();
        if (at == null) {
            return now;
        }
        if (at.isAfter(now)) {
            throw ProblemException.badRequest("at", "must not be later than now (" + now + ")");
        }
        return at;
    }
}
