package org.yizhan.api.window;

import java.util.ArrayList;
import java.util.List;

import org.yizhan.api.Level;
import org.yizhan.api.catalogue.Category;
import org.yizhan.api.catalogue.FeeDTO;
import org.yizhan.api.catalogue.HandlingClass;
import org.yizhan.api.catalogue.ItemDTO;
import org.yizhan.api.catalogue.MaterialDTO;

/** Describes a service item for a window module, field by field (every R6 field has a method). */
public final class ItemBuilder {

    /** The fee basis of free administrative licences. */
    public static final String FREE_BASIS = "《行政许可法》第五十八条：实施行政许可不得收取任何费用 (Administrative Licensing Law, Art. 58)";

    private final ItemDTO item = new ItemDTO();

    private ItemBuilder(String code, String name, String nameEn) {
        item.code = code;
        item.name = name;
        item.nameEn = nameEn;
        item.contact = "县政务服务中心 0000-12345（工作日 8:30-17:30）";
        item.fee = new FeeDTO("不收费 Free", FREE_BASIS, 0);
    }

    public static ItemBuilder item(String code, String name, String nameEn) {
        return new ItemBuilder(code, name, nameEn);
    }

    public ItemBuilder window(String windowType) {
        item.windowType = windowType;
        return this;
    }

    public ItemBuilder handling(HandlingClass handling) {
        item.handlingClass = handling;
        return this;
    }

    public ItemBuilder category(Category category) {
        item.category = category;
        return this;
    }

    /** Promised and legal time limits, in working days. */
    public ItemBuilder days(int promised, int legal) {
        item.promisedDays = promised;
        item.legalDays = legal;
        return this;
    }

    public ItemBuilder acceptAt(Level... levels) {
        item.acceptLevels = new ArrayList<>(List.of(levels));
        return this;
    }

    public ItemBuilder decideAt(Level level) {
        item.decideLevel = level;
        return this;
    }

    public ItemBuilder body(String implementingBody) {
        item.implementingBody = implementingBody;
        return this;
    }

    public ItemBuilder basis(String legalBasis) {
        item.legalBasis = legalBasis;
        return this;
    }

    public ItemBuilder conditions(String conditions) {
        item.conditions = conditions;
        return this;
    }

    public ItemBuilder procedure(String procedure) {
        item.procedure = procedure;
        return this;
    }

    public ItemBuilder contact(String contact) {
        item.contact = contact;
        return this;
    }

    public ItemBuilder fee(String standard, String basis, long amountFen) {
        item.fee = new FeeDTO(standard, basis, amountFen);
        return this;
    }

    public ItemBuilder required(String code, String name) {
        item.materials.add(new MaterialDTO(code, name, true));
        return this;
    }

    public ItemBuilder optional(String code, String name) {
        item.materials.add(new MaterialDTO(code, name, false));
        return this;
    }

    /** Joint windows that give an opinion (R15); the lead is {@link #window}. */
    /** R4: the window's chief representative may approve it on the spot when the materials are complete. */
    public ItemBuilder chiefOnTheSpot() {
        item.chiefOnTheSpot = true;
        return this;
    }

    public ItemBuilder joint(String... windowTypes) {
        item.jointWindows = new ArrayList<>(List.of(windowTypes));
        return this;
    }

    public ItemDTO build() {
        return item;
    }
}
