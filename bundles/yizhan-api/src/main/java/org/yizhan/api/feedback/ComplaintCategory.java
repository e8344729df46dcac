package org.yizhan.api.feedback;

/** The five kinds of complaint (R22). */
public enum ComplaintCategory {
    ATTITUDE("服务态度"), RULES("不按规定办事"), FEES("乱收费"), INTEGRITY("吃拿卡要 / 廉政"), OTHER("其他");

    private final String zh;

    ComplaintCategory(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
