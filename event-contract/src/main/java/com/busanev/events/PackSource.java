package com.busanev.events;

import java.util.UUID;

public record PackSource(UUID contractId, String supplier, int packs) {
}
