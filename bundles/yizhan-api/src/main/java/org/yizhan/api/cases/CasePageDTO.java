package org.yizhan.api.cases;

import java.util.ArrayList;
import java.util.List;

public class CasePageDTO {
    public List<CaseDTO> items = new ArrayList<>();
    public long total;
    public int page;
    public int size;
}
