package com.busanev.supplier.contract;

public enum ContractStatus {
    DRAFT, ACTIVE, SUSPENDED, EXPIRED
}
