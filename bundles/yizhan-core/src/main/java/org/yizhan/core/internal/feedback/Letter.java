package org.yizhan.core.internal.feedback;

import org.yizhan.api.feedback.ComplaintCategory;
import org.yizhan.core.internal.entity.ComplaintEntity;

/** The written answer to a written complaint (R22): one printable page, every value escaped. */
final class Letter {

    private Letter() {
    }

    static String html(ComplaintEntity e, ComplaintCategory category, String centerName) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>投诉答复书 " + esc(e.getNumber()) + "</title>"
                + "<style>body{font-family:serif;max-width:42em;margin:3em auto;line-height:1.8}h1{text-align:center}"
                + ".meta{color:#444}.sig{text-align:right;margin-top:3em}@media print{a{display:none}}</style></head><body>\n"
                + "<h1>投诉答复书<br><small>Written answer to a complaint</small></h1>\n"
                + "<p class=\"meta\">编号 No. " + esc(e.getNumber()) + "　受理日期 Received " + esc(e.getReceivedDay())
                + "　答复日期 Answered " + esc(e.getAnsweredDay()) + "</p>\n"
                + "<p>" + esc(e.getComplainantName()) + "：</p>\n"
                + "<p>您反映的" + esc(category.zh()) + "问题（" + esc(category.name()) + "）已收悉。投诉内容 Your complaint:</p>\n"
                + "<blockquote>" + esc(e.getText()) + "</blockquote>\n"
                + (e.getReferredTo() == null ? "" : "<p>本投诉已转 " + esc(e.getReferredTo()) + " 办理 (referred to that agency).</p>\n")
                + "<p>经调查核实，答复如下 Our answer:</p>\n<blockquote>" + esc(e.getAnswer()) + "</blockquote>\n"
                + "<p>调查结论 Finding: " + (Boolean.TRUE.equals(e.getUpheld()) ? "投诉属实 upheld" : "投诉不属实 not upheld") + "</p>\n"
                + "<p>如对答复有异议，可凭编号和查询码在网上查询或再次反映。 If you disagree, quote the number above.</p>\n"
                + "<p class=\"sig\">" + esc(centerName) + "<br>" + esc(e.getAnsweredDay()) + "</p>\n</body></html>\n";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\n' -> b.append("<br>");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
