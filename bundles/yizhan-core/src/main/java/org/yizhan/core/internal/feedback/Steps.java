package org.yizhan.core.internal.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.yizhan.api.Caller;
import org.yizhan.api.feedback.StepDTO;

/** The history of a rectification or a complaint: its steps, kept with the row as JSON. */
final class Steps {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<StepDTO>> LIST = new TypeReference<>() { };

    private Steps() {
    }

    static List<StepDTO> read(String json) {
        if (json == null || json.isEmpty()) {
            return new ArrayList<>();
        }
        try {
            return JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable history: " + e.getOriginalMessage(), e);
        }
    }

    /** The history with one more step. */
    static String append(String json, Caller by, String role, String action, String from, String to, String text, long now) {
        List<StepDTO> steps = read(json);
        StepDTO s = new StepDTO();
        s.at = Instant.ofEpochMilli(now).toString();
        s.actor = by.user();
        s.role = role != null ? role : by.mainRole();
        s.action = action;
        s.from = from;
        s.to = to;
        s.text = text;
        steps.add(s);
        try {
            return JSON.writeValueAsString(steps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
