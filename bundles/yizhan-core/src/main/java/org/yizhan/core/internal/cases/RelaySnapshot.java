package org.yizhan.core.internal.cases;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.yizhan.api.YizhanException;

/**
 * Everything a center in another container needs to take a case that travels up (R23), as the
 * flat text map a relay message carries: one field per property, the case's attributes as
 * {@code attr.<name>}. Jackson maps it both ways; a value that is absent is left out (never the
 * text "null"), and a value of the wrong type is refused naming its field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
final class RelaySnapshot {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final String ATTRIBUTE = "attr.";

    public String lookupCode;
    public String itemCode;
    public Integer itemVersion;
    public String itemName;
    public String center;
    public String decidingCenter;
    public String windowType;
    public String handlingClass;
    public boolean urgent;
    public String applicantName;
    public String applicantIdType;
    public String applicantIdNumber;
    public String applicantPhone;
    /** Material codes, comma-separated, as the case row keeps them. */
    public String materials;
    public String jointWindows;
    public Long createdAtMillis;
    public String createdBy;
    public Long acceptedAtMillis;
    /** ISO dates (yyyy-mm-dd). */
    public String promisedDate;
    public boolean promisedDateEstimated;
    public String relayDue;
    public String firstInquiryStaff;
    /** The head of the case's history where it was sent from. */
    public String originHash;

    private final Map<String, String> attributes = new LinkedHashMap<>();

    @JsonAnyGetter
    Map<String, String> attributeFields() {
        Map<String, String> m = new LinkedHashMap<>();
        attributes.forEach((k, v) -> m.put(ATTRIBUTE + k, v));
        return m;
    }

    @JsonAnySetter
    void other(String key, String value) {
        if (key.startsWith(ATTRIBUTE)) {
            attributes.put(key.substring(ATTRIBUTE.length()), value);
        }
        // anything else is a field of a newer version: ignored, as a relay message may come from one
    }

    Map<String, String> attributes() {
        return attributes;
    }

    /** The text map a relay message carries. */
    Map<String, String> toPayload() {
        Map<String, Object> values = MAPPER.convertValue(this, MAPPER.getTypeFactory().constructMapType(LinkedHashMap.class,
                String.class, Object.class));
        Map<String, String> p = new LinkedHashMap<>();
        values.forEach((k, v) -> p.put(k, String.valueOf(v)));
        return p;
    }

    /** Reads a relay message's payload; a value that does not parse is refused, naming {@code payload.<field>}. */
    static RelaySnapshot fromPayload(Map<String, String> payload) {
        try {
            return MAPPER.convertValue(payload, RelaySnapshot.class);
        } catch (IllegalArgumentException e) {
            String field = e.getCause() instanceof MismatchedInputException m && !m.getPath().isEmpty()
                    ? m.getPath().get(0).getFieldName() : null;
            throw YizhanException.badInput(field == null ? "payload" : "payload." + field,
                    "Malformed relayed case" + (field == null ? "" : ": " + field + " is not a valid value"),
                    "报送件内容格式错误" + (field == null ? "" : "：" + field));
        }
    }
}
