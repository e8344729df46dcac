package org.yizhan.api.network;

/** What an import of the network did: lines that made a new center, changed one, or matched one. */
public class ImportResultDTO {
    public int created;
    public int updated;
    public int unchanged;
}
