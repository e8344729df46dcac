package org.yizhan.core.internal.entity;

import javax.persistence.*;


/** A window's post at a center (R17): the A holder and the B stand-ins in order (comma-separated). */
@Entity
@Table(name = "YZ_POST", indexes = {@Index(name = "YZ_POST_CENTER", columnList = "centerId")})
public class PostEntity {
    @Id @Column(length = 80)
    private String postKey;
    private long centerId;
    @Column(nullable = false, length = 64)
    private String windowType;
    @Column(nullable = false, length = 64)
    private String holderA;
    @Column(length = 400)
    private String holdersB;
    /** R4: the window's chief representative, if named. */
    @Column(length = 64)
    private String chief;

    public String getChief() {
        return chief;
    }

    public void setChief(String chief) {
        this.chief = chief;
    }

    public String getPostKey() {
        return postKey;
    }

    public void setPostKey(String postKey) {
        this.postKey = postKey;
    }

    public long getCenterId() {
        return centerId;
    }

    public void setCenterId(long centerId) {
        this.centerId = centerId;
    }

    public String getWindowType() {
        return windowType;
    }

    public void setWindowType(String windowType) {
        this.windowType = windowType;
    }

    public String getHolderA() {
        return holderA;
    }

    public void setHolderA(String holderA) {
        this.holderA = holderA;
    }

    public String getHoldersB() {
        return holdersB;
    }

    public void setHoldersB(String holdersB) {
        this.holdersB = holdersB;
    }
}
