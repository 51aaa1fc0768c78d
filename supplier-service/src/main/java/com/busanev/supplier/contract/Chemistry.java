package com.busanev.supplier.contract;

public enum Chemistry {
    NMC, LFP
}
