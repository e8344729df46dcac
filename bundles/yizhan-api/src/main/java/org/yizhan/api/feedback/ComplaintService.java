package org.yizhan.api.feedback;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.yizhan.api.Caller;

/** Complaints (R22): recorded by the complaint office or filed by the public, answered in time, followed up. */
@ProviderType
public interface ComplaintService {

    ComplaintDTO record(Caller caller, ComplaintInput input);

    /** Filed on the web: written; the answer carries the number and lookup code, nothing personal. */
    PublicComplaintDTO file(ComplaintInput input);

    List<ComplaintDTO> list(Caller caller, Long center, String status);

    ComplaintDTO get(Caller caller, String number);

    /** answer, refer, follow-up; the body's fields as {@link ComplaintActionDTO} says. */
    ComplaintDTO act(Caller caller, String number, String action, ComplaintActionDTO body);

    PublicComplaintDTO lookup(String number, String lookupCode);

    /** The written answer as a printable page (HTML), for a written complaint that has been answered. */
    String letter(Caller caller, String number);
}
