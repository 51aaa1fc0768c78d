package com.busanev.production.build;

public enum BuildStatus {
    BLOCKED, SCHEDULED, IN_PRODUCTION, BUILT, CANCELLED
}
