package com.busanev.logistics.voyage;

public enum VoyageStatus {
    PLANNED, DEPARTED, ARRIVED
}
