package org.yizhan.api.catalogue;

/** The published fee of an item (R6, R19). */
public class FeeDTO {
    /** The published standard in words, e.g. "免费 Free" or "工本费 10 元/本". */
    public String standard;
    /** The legal basis of the fee (or of its absence). */
    public String basis;
    /** The amount charged per case in fen (分); 0 when free. Nothing else may be charged (R19). */
    public long amountFen;

    public FeeDTO() {
    }

    public FeeDTO(String standard, String basis, long amountFen) {
        this.standard = standard;
        this.basis = basis;
        this.amountFen = amountFen;
    }
}
