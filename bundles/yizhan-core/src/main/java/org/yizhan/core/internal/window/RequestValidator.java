package org.yizhan.core.internal.window;

import java.time.LocalDate;

import org.yizhan.api.cases.NewCaseDTO;
import org.yizhan.api.catalogue.ItemDTO;

/** Runs the validators of the window module that brings an item on a new application. */
public interface RequestValidator {

    void validate(ItemDTO item, NewCaseDTO request, LocalDate today);
}
