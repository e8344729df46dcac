-- The schema of release 0.1 on PostgreSQL, as the platform built it before its migrations were
-- versioned (changelog.xml, changeset 1).


CREATE TABLE yz_appointment (
    code character varying(12) NOT NULL,
    bookedatmillis bigint,
    centerid bigint,
    itemcode character varying(40),
    name character varying(50),
    onday character varying(10) NOT NULL,
    phone character varying(20),
    slotend character varying(16) NOT NULL,
    slotstart character varying(16) NOT NULL,
    status character varying(10) NOT NULL,
    urgent boolean,
    windowtype character varying(64) NOT NULL
);

CREATE TABLE yz_assessment (
    periodkey character varying(8) NOT NULL,
    body text,
    frozenatmillis bigint
);

CREATE TABLE yz_audit (
    seq bigint NOT NULL,
    actor character varying(64),
    atmillis bigint,
    detail character varying(1000),
    hash character varying(64),
    kind character varying(32),
    prevhash character varying(64),
    source character varying(64),
    target character varying(200)
);

CREATE TABLE yz_case (
    number character varying(40) NOT NULL,
    acceptedatmillis bigint,
    alertlevel character varying(8),
    applicantidnumber character varying(40),
    applicantidtype character varying(20),
    applicantname character varying(100),
    applicantphone character varying(30),
    centerid bigint,
    createdatmillis bigint,
    createdby character varying(64),
    decidedatmillis bigint,
    decidingcenterid bigint,
    eventcount integer,
    firstinquirystaff character varying(64),
    handlingclass character varying(20),
    itemcode character varying(64) NOT NULL,
    itemname character varying(200),
    itemversion integer,
    jointdeadline character varying(10),
    jointwindows character varying(500),
    lasthash character varying(64),
    lookupcode character varying(16) NOT NULL,
    materials character varying(2000),
    missingmaterials character varying(2000),
    notacceptedreason character varying(1000),
    noticematerials character varying(2000),
    ontime boolean,
    pausekind character varying(24),
    pausedfrom character varying(24),
    pausedon character varying(10),
    promiseddate character varying(10),
    promiseddateestimated boolean,
    redirectto character varying(200),
    relaydue character varying(10),
    status character varying(24) NOT NULL,
    updatedatmillis bigint,
    urgent boolean,
    windowtype character varying(64) NOT NULL,
    yellowdate character varying(10),
    optlock integer
);

CREATE TABLE yz_case_attribute (
    case_number character varying(40),
    name character varying(100) NOT NULL,
    val character varying(2000)
);

CREATE TABLE yz_case_event (
    id character varying(50) NOT NULL,
    action character varying(32) NOT NULL,
    actor character varying(64),
    atmillis bigint,
    casenumber character varying(40) NOT NULL,
    centerid bigint,
    data character varying(4000),
    fromstatus character varying(24),
    hash character varying(64),
    prevhash character varying(64),
    reason character varying(1000),
    role character varying(32),
    seq integer,
    tostatus character varying(24)
);

CREATE TABLE yz_case_fee (
    case_number character varying(40),
    amountfen bigint,
    atmillis bigint,
    item character varying(200),
    receiptnumber character varying(40),
    standard character varying(300),
    pos integer
);

CREATE TABLE yz_case_opinion (
    case_number character varying(40),
    atmillis bigint,
    byuser character varying(64),
    opinion character varying(20),
    reason character varying(1000),
    window0 character varying(64),
    pos integer
);

CREATE TABLE yz_center (
    id bigint NOT NULL,
    closed boolean,
    closedatmillis bigint,
    code character varying(32) NOT NULL,
    level character varying(10) NOT NULL,
    name character varying(100) NOT NULL,
    nameen character varying(200),
    parentid bigint
);

CREATE TABLE yz_center_window (
    id character varying(100) NOT NULL,
    centerid bigint,
    changedatmillis bigint,
    changedby character varying(64),
    enabled boolean,
    type character varying(64) NOT NULL
);

CREATE TABLE yz_complaint (
    number character varying(20) NOT NULL,
    answer character varying(2000),
    answeredday character varying(10),
    casenumber character varying(40),
    category character varying(12) NOT NULL,
    centerid bigint,
    channel character varying(8) NOT NULL,
    closedday character varying(10),
    complainantname character varying(100),
    complainantphone character varying(40),
    duedate character varying(10) NOT NULL,
    dueestimated boolean,
    followup character varying(1000),
    form character varying(8) NOT NULL,
    lookupcode character varying(12) NOT NULL,
    onthespot boolean,
    proposal character varying(2000),
    proposaldue character varying(10) NOT NULL,
    receivedatmillis bigint,
    receivedday character varying(10) NOT NULL,
    recordedby character varying(64),
    referredto character varying(200),
    serious boolean,
    staff character varying(64),
    status character varying(12) NOT NULL,
    steps text,
    text character varying(2000) NOT NULL,
    upheld boolean,
    windowtype character varying(40),
    yellowdate character varying(10) NOT NULL,
    version integer
);

CREATE TABLE yz_counter (
    name character varying(64) NOT NULL,
    nextvalue bigint
);

CREATE TABLE yz_inbox (
    id character varying(40) NOT NULL,
    casenumber character varying(40),
    digest character varying(64),
    kind character varying(20),
    receipt character varying(40),
    receivedatmillis bigint
);

CREATE TABLE yz_item (
    id character varying(100) NOT NULL,
    acceptlevels character varying(40),
    category character varying(30),
    chiefonthespot boolean,
    code character varying(64) NOT NULL,
    conditions character varying(2000),
    contact character varying(300),
    current boolean,
    decidelevel character varying(10),
    feeamountfen bigint,
    feebasis character varying(500),
    feestandard character varying(300),
    handlingclass character varying(20),
    implementingbody character varying(300),
    jointwindows character varying(500),
    legalbasis character varying(2000),
    legaldays integer,
    name character varying(200) NOT NULL,
    nameen character varying(300),
    procedure character varying(2000),
    promiseddays integer,
    source character varying(100),
    version integer,
    windowtype character varying(64) NOT NULL
);

CREATE TABLE yz_item_material (
    item_id character varying(100),
    code character varying(64),
    name character varying(200),
    required boolean,
    sample character varying(500),
    pos integer
);

CREATE TABLE yz_ledger (
    id bigint NOT NULL,
    atmillis bigint,
    casenumber character varying(40),
    centerid bigint,
    itemcode character varying(40),
    kind character varying(20) NOT NULL,
    note character varying(1000),
    onduty character varying(50),
    staff character varying(64),
    visitorname character varying(100)
);

CREATE SEQUENCE yz_ledger_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE yz_ledger_id_seq OWNED BY yz_ledger.id;

CREATE TABLE yz_outbox (
    id character varying(40) NOT NULL,
    attempts integer,
    casenumber character varying(40),
    claimant character varying(64),
    createdatmillis bigint,
    event character varying(20),
    fromcenter character varying(20),
    kind character varying(20) NOT NULL,
    lasterror character varying(1000),
    leaseuntilmillis bigint,
    nextattemptatmillis bigint,
    payload character varying(16000),
    refusals integer,
    routeid character varying(100),
    sentatmillis bigint,
    state character varying(10) NOT NULL,
    tocenter character varying(20)
);

CREATE TABLE yz_platform_start (
    id bigint NOT NULL,
    node character varying(255),
    startedatmillis bigint,
    version character varying(255)
);

CREATE TABLE yz_post (
    postkey character varying(80) NOT NULL,
    centerid bigint,
    chief character varying(64),
    holdera character varying(64) NOT NULL,
    holdersb character varying(400),
    windowtype character varying(64) NOT NULL
);

CREATE TABLE yz_presence (
    username character varying(64) NOT NULL,
    changedatmillis bigint,
    note character varying(100),
    status character varying(10) NOT NULL,
    untiltext character varying(16),
    whereabouts character varying(16)
);

CREATE TABLE yz_rating (
    casenumber character varying(40) NOT NULL,
    annulled boolean,
    centerid bigint,
    channel character varying(10) NOT NULL,
    comment character varying(500),
    decidingcenterid bigint,
    indicators character varying(200),
    ratedatmillis bigint,
    ratedday character varying(10) NOT NULL,
    ratinglevel character varying(24) NOT NULL,
    recordedby character varying(64),
    windowtype character varying(40) NOT NULL
);

CREATE TABLE yz_rectification (
    id bigint NOT NULL,
    casenumber character varying(40) NOT NULL,
    closedday character varying(10),
    decidingcenterid bigint,
    duedate character varying(10) NOT NULL,
    dueestimated boolean,
    openedday character varying(10) NOT NULL,
    ratinglevel character varying(24) NOT NULL,
    status character varying(16) NOT NULL,
    statusbeforeappeal character varying(16),
    steps text,
    windowtype character varying(40) NOT NULL,
    yellowdate character varying(10) NOT NULL,
    version integer
);

CREATE TABLE yz_roster (
    rosterkey character varying(40) NOT NULL,
    centerid bigint,
    name character varying(50) NOT NULL,
    onday character varying(10) NOT NULL
);

CREATE TABLE yz_sequence (
    name character varying(255) NOT NULL,
    next_value bigint
);

CREATE TABLE yz_slot (
    slotkey character varying(120) NOT NULL,
    booked integer,
    urgentbooked integer
);

CREATE TABLE yz_staff (
    username character varying(64) NOT NULL,
    active boolean,
    centerid bigint,
    createdatmillis bigint,
    demo boolean,
    displayname character varying(100),
    failedsignins integer,
    lockeduntilmillis bigint,
    mustchangepassword boolean,
    passwordhash character varying(200),
    roles character varying(200),
    stamp bigint,
    windows character varying(1000)
);

CREATE TABLE yz_window_type (
    type character varying(64) NOT NULL,
    available boolean,
    name character varying(100) NOT NULL,
    nameen character varying(200),
    special boolean,
    standard boolean
);

ALTER TABLE ONLY yz_ledger ALTER COLUMN id SET DEFAULT nextval('yz_ledger_id_seq'::regclass);

ALTER TABLE ONLY yz_center
    ADD CONSTRAINT u_yz_cntr_code UNIQUE (code);

ALTER TABLE ONLY yz_case_event
    ADD CONSTRAINT u_yz_cvnt_casenumber UNIQUE (casenumber, seq);

ALTER TABLE ONLY yz_item
    ADD CONSTRAINT u_yz_item_code UNIQUE (code, version);

ALTER TABLE ONLY yz_rectification
    ADD CONSTRAINT u_yz_rctn_casenumber UNIQUE (casenumber);

ALTER TABLE ONLY yz_appointment
    ADD CONSTRAINT yz_appointment_pkey PRIMARY KEY (code);

ALTER TABLE ONLY yz_assessment
    ADD CONSTRAINT yz_assessment_pkey PRIMARY KEY (periodkey);

ALTER TABLE ONLY yz_audit
    ADD CONSTRAINT yz_audit_pkey PRIMARY KEY (seq);

ALTER TABLE ONLY yz_case_event
    ADD CONSTRAINT yz_case_event_pkey PRIMARY KEY (id);

ALTER TABLE ONLY yz_case
    ADD CONSTRAINT yz_case_pkey PRIMARY KEY (number);

ALTER TABLE ONLY yz_center
    ADD CONSTRAINT yz_center_pkey PRIMARY KEY (id);

ALTER TABLE ONLY yz_center_window
    ADD CONSTRAINT yz_center_window_pkey PRIMARY KEY (id);

ALTER TABLE ONLY yz_complaint
    ADD CONSTRAINT yz_complaint_pkey PRIMARY KEY (number);

ALTER TABLE ONLY yz_counter
    ADD CONSTRAINT yz_counter_pkey PRIMARY KEY (name);

ALTER TABLE ONLY yz_inbox
    ADD CONSTRAINT yz_inbox_pkey PRIMARY KEY (id);

ALTER TABLE ONLY yz_item
    ADD CONSTRAINT yz_item_pkey PRIMARY KEY (id);

ALTER TABLE ONLY yz_ledger
    ADD CONSTRAINT yz_ledger_pkey PRIMARY KEY (id);

ALTER TABLE ONLY yz_outbox
    ADD CONSTRAINT yz_outbox_pkey PRIMARY KEY (id);

ALTER TABLE ONLY yz_platform_start
    ADD CONSTRAINT yz_platform_start_pkey PRIMARY KEY (id);

ALTER TABLE ONLY yz_post
    ADD CONSTRAINT yz_post_pkey PRIMARY KEY (postkey);

ALTER TABLE ONLY yz_presence
    ADD CONSTRAINT yz_presence_pkey PRIMARY KEY (username);

ALTER TABLE ONLY yz_rating
    ADD CONSTRAINT yz_rating_pkey PRIMARY KEY (casenumber);

ALTER TABLE ONLY yz_rectification
    ADD CONSTRAINT yz_rectification_pkey PRIMARY KEY (id);

ALTER TABLE ONLY yz_roster
    ADD CONSTRAINT yz_roster_pkey PRIMARY KEY (rosterkey);

ALTER TABLE ONLY yz_sequence
    ADD CONSTRAINT yz_sequence_pkey PRIMARY KEY (name);

ALTER TABLE ONLY yz_slot
    ADD CONSTRAINT yz_slot_pkey PRIMARY KEY (slotkey);

ALTER TABLE ONLY yz_staff
    ADD CONSTRAINT yz_staff_pkey PRIMARY KEY (username);

ALTER TABLE ONLY yz_window_type
    ADD CONSTRAINT yz_window_type_pkey PRIMARY KEY (type);

CREATE INDEX i_yz_cpnn_case_number ON yz_case_opinion USING btree (case_number);

CREATE INDEX i_yz_crbt_case_number ON yz_case_attribute USING btree (case_number);

CREATE INDEX i_yz_cs_f_case_number ON yz_case_fee USING btree (case_number);

CREATE INDEX i_yz_ttrl_item_id ON yz_item_material USING btree (item_id);

CREATE INDEX yz_appt_day ON yz_appointment USING btree (centerid, onday);

CREATE INDEX yz_audit_actor ON yz_audit USING btree (actor, atmillis);

CREATE INDEX yz_audit_at ON yz_audit USING btree (atmillis);

CREATE INDEX yz_case_alerts ON yz_case USING btree (alertlevel, urgent, promiseddate, number, decidingcenterid, centerid);

CREATE INDEX yz_case_center ON yz_case USING btree (centerid, status);

CREATE INDEX yz_case_deciding ON yz_case USING btree (decidingcenterid, status);

CREATE INDEX yz_case_rates ON yz_case USING btree (acceptedatmillis, decidingcenterid, windowtype, decidedatmillis, ontime);

CREATE INDEX yz_case_run_joint ON yz_case USING btree (status, jointdeadline);

CREATE INDEX yz_case_run_promised ON yz_case USING btree (status, alertlevel, promiseddate);

CREATE INDEX yz_case_run_yellow ON yz_case USING btree (status, alertlevel, yellowdate);

CREATE INDEX yz_complaint_center ON yz_complaint USING btree (centerid, status);

CREATE INDEX yz_complaint_due ON yz_complaint USING btree (status, duedate);

CREATE INDEX yz_ledger_center ON yz_ledger USING btree (centerid, atmillis);

CREATE INDEX yz_outbox_case ON yz_outbox USING btree (casenumber);

CREATE INDEX yz_outbox_claim ON yz_outbox USING btree (claimant);

CREATE INDEX yz_outbox_due ON yz_outbox USING btree (state, nextattemptatmillis);

CREATE INDEX yz_outbox_route ON yz_outbox USING btree (routeid, state);

CREATE INDEX yz_post_center ON yz_post USING btree (centerid);

CREATE INDEX yz_rating_day ON yz_rating USING btree (ratedday, decidingcenterid);

CREATE INDEX yz_rect_center ON yz_rectification USING btree (decidingcenterid, status);

CREATE INDEX yz_rect_due ON yz_rectification USING btree (status, duedate);

CREATE INDEX yz_roster_center ON yz_roster USING btree (centerid, onday);

