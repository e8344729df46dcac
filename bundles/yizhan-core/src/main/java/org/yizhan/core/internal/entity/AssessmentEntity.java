package org.yizhan.core.internal.entity;

import javax.persistence.*;


/** A closed period's assessment (R28), stored once as computed: it never changes after. */
@Entity
@Table(name = "YZ_ASSESSMENT")
public class AssessmentEntity {
    @Id @Column(length = 8)
    private String periodKey;
    private long frozenAtMillis;
    @Lob
    private String body;

    public String getPeriodKey() {
        return periodKey;
    }

    public void setPeriodKey(String periodKey) {
        this.periodKey = periodKey;
    }

    public long getFrozenAtMillis() {
        return frozenAtMillis;
    }

    public void setFrozenAtMillis(long frozenAtMillis) {
        this.frozenAtMillis = frozenAtMillis;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
