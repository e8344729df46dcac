package org.yizhan.api.catalogue;

/** Item categories (R8). */
public enum Category {
    /** 项目投资 */
    PROJECT_INVESTMENT,
    /** 生产经营 */
    PRODUCTION_BUSINESS,
    /** 民生服务 */
    LIVELIHOOD
}
