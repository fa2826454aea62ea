-- The shared needs assessment: a standard instrument per workforce area in numbered versions, and the completed
-- assessments of businesses, each with the version it used, the needs it raised and every later update.

-- Area settings of the needs assessment. An area without a row keeps assessments valid for 12 months.
CREATE TABLE assessment_area_setting (
    area_id         bigint PRIMARY KEY REFERENCES workforce_area (id),
    validity_months integer     NOT NULL DEFAULT 12 CHECK (validity_months BETWEEN 1 AND 60),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      bigint REFERENCES app_user (id)
);

-- One version of an instrument. The row without an area is the standard instrument, which every area uses until
-- its administrator publishes a version of its own. A row without a version is an area's draft, which the
-- instrument page edits; an area has at most one. Published versions never change.
CREATE TABLE assessment_instrument (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    area_id      bigint REFERENCES workforce_area (id),
    version      integer CHECK (version > 0),
    published_at timestamptz,
    published_by bigint REFERENCES app_user (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK ((version IS NULL) = (published_at IS NULL)),
    CHECK (area_id IS NOT NULL OR version IS NOT NULL)
);
CREATE UNIQUE INDEX assessment_instrument_version ON assessment_instrument (coalesce(area_id, 0), version)
    WHERE version IS NOT NULL;
CREATE UNIQUE INDEX assessment_instrument_draft ON assessment_instrument (area_id) WHERE version IS NULL;

-- A question of one instrument version. profile_fact names the profile fact that stores the answer (for example
-- layoff_announced); such answers live only in the business profile. A retired question stays in its version and
-- is no longer asked.
CREATE TABLE assessment_question (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    instrument_id bigint  NOT NULL REFERENCES assessment_instrument (id) ON DELETE CASCADE,
    position      integer NOT NULL CHECK (position >= 0),
    code          text    NOT NULL CHECK (code ~ '^[a-z0-9-]+$'),
    topic         text    NOT NULL CHECK (topic IN ('ABOUT_THE_BUSINESS', 'HIRING', 'SKILLS_AND_TRAINING', 'RETENTION',
                                                    'LAYOFFS_AND_RESTRUCTURING', 'ACCESSIBILITY_AND_INCLUSION',
                                                    'TAX_CREDITS_AND_INCENTIVES', 'EXPANSION_OR_RELOCATION')),
    text          text    NOT NULL CHECK (btrim(text) <> ''),
    answer_type   text    NOT NULL CHECK (answer_type IN ('YES_NO', 'CHOICE', 'NUMBER', 'TEXT')),
    -- For CHOICE: whether more than one option may be chosen.
    multiple      boolean NOT NULL DEFAULT false,
    profile_fact  text CHECK (profile_fact ~ '^[a-z_]+$'),
    retired       boolean NOT NULL DEFAULT false,
    UNIQUE (instrument_id, code)
);
CREATE INDEX assessment_question_instrument ON assessment_question (instrument_id, position, id);

-- An answer option of a YES_NO (values yes and no) or CHOICE question, with the needs it raises. The need codes are
-- those of FactCatalog.NEEDS in the eligibility module, checked by the application when a version is saved.
CREATE TABLE assessment_option (
    question_id bigint  NOT NULL REFERENCES assessment_question (id) ON DELETE CASCADE,
    position    integer NOT NULL CHECK (position >= 0),
    value       text    NOT NULL CHECK (value ~ '^[A-Za-z0-9_+-]+$'),
    label       text    NOT NULL CHECK (btrim(label) <> ''),
    need_codes  text[]  NOT NULL DEFAULT '{}',
    PRIMARY KEY (question_id, value)
);

-- A completed assessment of one business, shared with every partner. need_codes are the needs its answers raised
-- when it was completed or last updated.
CREATE TABLE needs_assessment (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id   bigint      NOT NULL REFERENCES business (id),
    area_id       bigint      NOT NULL REFERENCES workforce_area (id),
    instrument_id bigint      NOT NULL REFERENCES assessment_instrument (id),
    need_codes    text[]      NOT NULL,
    completed_at  timestamptz NOT NULL DEFAULT now(),
    completed_by  bigint      NOT NULL REFERENCES app_user (id),
    partner_id    bigint REFERENCES partner (id),
    valid_until   timestamptz NOT NULL,
    -- Why a new assessment was allowed although an earlier one existed: EXPIRED, LAYOFF, MERGER or
    -- NEW_ESTABLISHMENT; NULL for the first assessment of the business.
    start_reason  text CHECK (start_reason IN ('EXPIRED', 'LAYOFF', 'MERGER', 'NEW_ESTABLISHMENT')),
    updated_at    timestamptz,
    updated_by    bigint REFERENCES app_user (id),
    CHECK (valid_until > completed_at)
);
CREATE INDEX needs_assessment_business ON needs_assessment (business_id, completed_at DESC, id DESC);

-- Answers to questions without a profile fact. Answers to the other questions are stored in the profile only.
CREATE TABLE needs_assessment_answer (
    assessment_id bigint NOT NULL REFERENCES needs_assessment (id),
    question_id   bigint NOT NULL REFERENCES assessment_question (id),
    value         text   NOT NULL,
    PRIMARY KEY (assessment_id, question_id)
);

-- One update of a completed assessment: who made it, for which partner, when, and the needs before and after.
CREATE TABLE needs_assessment_update (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    assessment_id  bigint      NOT NULL REFERENCES needs_assessment (id),
    updated_by     bigint      NOT NULL REFERENCES app_user (id),
    partner_id     bigint REFERENCES partner (id),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    old_need_codes text[]      NOT NULL,
    new_need_codes text[]      NOT NULL
);
CREATE INDEX needs_assessment_update_assessment ON needs_assessment_update (assessment_id, updated_at, id);

-- Each answer an update changed; NULL stands for no answer. Answers stored in the profile also appear in its history.
CREATE TABLE needs_assessment_update_answer (
    update_id   bigint NOT NULL REFERENCES needs_assessment_update (id),
    question_id bigint NOT NULL REFERENCES assessment_question (id),
    old_value   text,
    new_value   text,
    PRIMARY KEY (update_id, question_id)
);

-- The standard instrument, version 1, with questions on all seven topics.
WITH instrument AS (
    INSERT INTO assessment_instrument (area_id, version, published_at) VALUES (NULL, 1, now()) RETURNING id
), questions (position, code, topic, text, answer_type, multiple, profile_fact) AS (
    VALUES
        (0, 'employee-band', 'ABOUT_THE_BUSINESS', 'How many people does the business employ?', 'CHOICE', false,
         'employee_band'),
        (1, 'naics-code', 'ABOUT_THE_BUSINESS', 'What is the business''s NAICS 2022 industry code?', 'TEXT', false,
         'naics_code'),
        (2, 'labor-market-information', 'ABOUT_THE_BUSINESS',
         'Would the business like labor market or wage data, or advice on labor law?', 'YES_NO', false, NULL),
        (3, 'hiring-needs', 'HIRING', 'What kinds of workers does the business plan to hire in the next 12 months?',
         'CHOICE', true, 'hiring_needs'),
        (4, 'hard-to-fill', 'HIRING', 'Does the business have openings it finds hard to fill?', 'YES_NO', false,
         NULL),
        (5, 'current-worker-skills', 'SKILLS_AND_TRAINING',
         'Do the business''s current workers need new skills for the work ahead?', 'YES_NO', false, NULL),
        (6, 'train-new-hires', 'SKILLS_AND_TRAINING',
         'Would the business train new hires on the job or through an apprenticeship?', 'YES_NO', false, NULL),
        (7, 'turnover-concern', 'RETENTION', 'Is keeping workers, or turnover, a concern for the business?',
         'YES_NO', false, NULL),
        (8, 'turnover-percent', 'RETENTION',
         'About what share of the business''s workers left in the last 12 months, in percent?', 'NUMBER', false,
         NULL),
        (9, 'layoff-announced', 'LAYOFFS_AND_RESTRUCTURING', 'Has the business announced a layoff or closure?',
         'YES_NO', false, 'layoff_announced'),
        (10, 'layoff-risk', 'LAYOFFS_AND_RESTRUCTURING',
         'Does the business expect to cut jobs, reduce hours or restructure in the next 12 months?', 'YES_NO', false,
         NULL),
        (11, 'hires-people-with-disabilities', 'ACCESSIBILITY_AND_INCLUSION',
         'Is the business willing to hire people with disabilities?', 'YES_NO', false,
         'hires_people_with_disabilities'),
        (12, 'hires-veterans', 'ACCESSIBILITY_AND_INCLUSION', 'Is the business willing to hire veterans?', 'YES_NO',
         false, 'hires_veterans'),
        (13, 'accommodations', 'ACCESSIBILITY_AND_INCLUSION',
         'Would the business like help with workplace accommodations or accessibility?', 'YES_NO', false, NULL),
        (14, 'tax-credits', 'TAX_CREDITS_AND_INCENTIVES',
         'Would the business like help claiming hiring tax credits, such as the Work Opportunity Tax Credit, or '
             || 'other incentives?', 'YES_NO', false, NULL),
        (15, 'expansion-plans', 'EXPANSION_OR_RELOCATION',
         'Does the business plan to expand, open a new site or relocate in the next 24 months?', 'CHOICE', false,
         NULL),
        (16, 'expansion-jobs', 'EXPANSION_OR_RELOCATION', 'How many jobs would the expansion or new site add?',
         'NUMBER', false, NULL)
), inserted AS (
    INSERT INTO assessment_question (instrument_id, position, code, topic, text, answer_type, multiple, profile_fact)
    SELECT instrument.id, q.position, q.code, q.topic, q.text, q.answer_type, q.multiple, q.profile_fact
    FROM instrument, questions q
    RETURNING id, code
), options (code, position, value, label, need_codes) AS (
    VALUES
        ('employee-band', 0, '1-4', '1-4 employees', '{}'::text[]),
        ('employee-band', 1, '5-9', '5-9 employees', '{}'),
        ('employee-band', 2, '10-19', '10-19 employees', '{}'),
        ('employee-band', 3, '20-49', '20-49 employees', '{}'),
        ('employee-band', 4, '50-99', '50-99 employees', '{}'),
        ('employee-band', 5, '100-249', '100-249 employees', '{}'),
        ('employee-band', 6, '250-499', '250-499 employees', '{}'),
        ('employee-band', 7, '500-999', '500-999 employees', '{}'),
        ('employee-band', 8, '1000+', '1000 or more employees', '{}'),
        ('labor-market-information', 0, 'yes', 'Yes', '{INFORMATION}'),
        ('labor-market-information', 1, 'no', 'No', '{}'),
        ('hiring-needs', 0, 'ENTRY_LEVEL', 'Entry-level workers', '{HIRE}'),
        ('hiring-needs', 1, 'SKILLED_TRADES', 'Skilled trades workers', '{HIRE}'),
        ('hiring-needs', 2, 'TECHNICAL', 'Technical workers', '{HIRE}'),
        ('hiring-needs', 3, 'PROFESSIONAL', 'Professional or managerial staff', '{HIRE}'),
        ('hiring-needs', 4, 'ON_THE_JOB_TRAINEES', 'New hires to train on the job', '{HIRE,TRAIN_NEW_HIRES}'),
        ('hiring-needs', 5, 'APPRENTICES', 'Apprentices', '{HIRE,TRAIN_NEW_HIRES}'),
        ('hiring-needs', 6, 'YOUTH_WORK_EXPERIENCE', 'Young people for internships or work experience', '{HIRE}'),
        ('hiring-needs', 7, 'SEASONAL', 'Seasonal workers', '{HIRE}'),
        ('hiring-needs', 8, 'NONE', 'No hiring planned', '{}'),
        ('hard-to-fill', 0, 'yes', 'Yes', '{HIRE}'),
        ('hard-to-fill', 1, 'no', 'No', '{}'),
        ('current-worker-skills', 0, 'yes', 'Yes', '{TRAIN_CURRENT_WORKERS}'),
        ('current-worker-skills', 1, 'no', 'No', '{}'),
        ('train-new-hires', 0, 'yes', 'Yes', '{TRAIN_NEW_HIRES}'),
        ('train-new-hires', 1, 'no', 'No', '{}'),
        ('turnover-concern', 0, 'yes', 'Yes', '{RETAIN}'),
        ('turnover-concern', 1, 'no', 'No', '{}'),
        ('layoff-announced', 0, 'yes', 'Yes', '{LAYOFF}'),
        ('layoff-announced', 1, 'no', 'No', '{}'),
        ('layoff-risk', 0, 'yes', 'Yes', '{AVERT_LAYOFF}'),
        ('layoff-risk', 1, 'no', 'No', '{}'),
        ('hires-people-with-disabilities', 0, 'yes', 'Yes', '{INCLUSIVE_HIRING}'),
        ('hires-people-with-disabilities', 1, 'no', 'No', '{}'),
        ('hires-veterans', 0, 'yes', 'Yes', '{INCLUSIVE_HIRING,TAX_CREDITS}'),
        ('hires-veterans', 1, 'no', 'No', '{}'),
        ('accommodations', 0, 'yes', 'Yes', '{ACCESSIBILITY}'),
        ('accommodations', 1, 'no', 'No', '{}'),
        ('tax-credits', 0, 'yes', 'Yes', '{TAX_CREDITS}'),
        ('tax-credits', 1, 'no', 'No', '{}'),
        ('expansion-plans', 0, 'EXPAND', 'Expand at its current site', '{EXPAND,HIRE}'),
        ('expansion-plans', 1, 'NEW_SITE', 'Open a new site', '{EXPAND,HIRE}'),
        ('expansion-plans', 2, 'RELOCATE', 'Relocate', '{EXPAND}'),
        ('expansion-plans', 3, 'NONE', 'None of these', '{}')
)
INSERT INTO assessment_option (question_id, position, value, label, need_codes)
SELECT inserted.id, o.position, o.value, o.label, o.need_codes
FROM options o
JOIN inserted ON inserted.code = o.code;
