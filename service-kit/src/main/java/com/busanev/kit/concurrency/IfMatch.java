package com.busanev.kit.concurrency;

import com.busanev.kit.problem.ProblemException;
import java.util.List;

/**
 * Optimistic concurrency on updates: the client sends back, in If-Match, the version it read (the ETag of the
 * GET). No header is 428, a header that is not a version is 400; comparing it is the caller's job.
 */
public final class IfMatch {
    public static final String HEADER = "If-Match";

    private IfMatch() {
    }

    public static int version(String ifMatch, String what) {
        if (ifMatch == null) {
            throw new ProblemException(428, "Precondition Required",
                    "Send If-Match with the " + what + " version you read (the ETag of its GET).", List.of());
        }
        try {
            return Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(HEADER, "must be a " + what + " version number");
        }
    }
}
