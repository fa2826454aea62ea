-- Demo eligibility rules: the counties of the demo area, and rules for the demo services that follow the
-- eligibility each service describes in words. Services are found by partner code and name, so identity values
-- never matter. Rules are CEL expressions over the facts of org.onedoor.eligibility.FactCatalog.

INSERT INTO workforce_area_county (area_id, county_fips)
SELECT area.id, v.county_fips
FROM workforce_area area
CROSS JOIN (VALUES ('18039'), ('18049'), ('18085'), ('18099'), ('18141')) AS v(county_fips)
WHERE area.code = 'in-northern-indiana-demo';

CREATE TEMPORARY TABLE demo_rule (
    partner_code text,
    service_name text,
    combination  text,
    position     integer,
    label        text,
    expression   text
) ON COMMIT DROP;

INSERT INTO demo_rule VALUES
    ('workone-northern-indiana', 'On-the-job training', 'ALL', 0,
     'Employer plans to hire new workers and train them on the job',
     '''ON_THE_JOB_TRAINEES'' in hiring_needs'),
    ('workone-northern-indiana', 'On-the-job training', 'ALL', 1,
     'Employer has a worksite in the five counties of the region',
     'in_service_area'),
    ('workone-northern-indiana', 'Incumbent worker training', 'ALL', 0,
     'Employer has been in operation for at least one year',
     'years_in_operation >= 1'),
    ('workone-northern-indiana', 'Registered apprenticeship development', 'ANY', 0,
     'Employer plans to hire apprentices',
     '''APPRENTICES'' in hiring_needs'),
    ('workone-northern-indiana', 'Registered apprenticeship development', 'ANY', 1,
     'Employer is in manufacturing or construction and pays at least $15 an hour',
     'naics_sector in [''31-33'', ''23''] && hourly_wage_offered >= 15.0'),
    ('workone-northern-indiana', 'Youth paid work experience', 'ALL', 0,
     'Employer wants young people for internships or work experience',
     '''YOUTH_WORK_EXPERIENCE'' in hiring_needs'),
    ('workone-northern-indiana', 'Sector partnership planning', 'ALL', 0,
     'Employer is in a priority sector: manufacturing or health care',
     'naics_sector in [''31-33'', ''62'']'),
    ('indiana-vocational-rehabilitation', 'On-the-job supports and job coaching', 'ALL', 0,
     'Employer is willing to hire people with disabilities',
     'hires_people_with_disabilities'),
    ('indiana-vocational-rehabilitation', 'Referral of qualified candidates with disabilities', 'ALL', 0,
     'Employer is willing to hire people with disabilities',
     'hires_people_with_disabilities'),
    ('indiana-vocational-rehabilitation', 'Referral of qualified candidates with disabilities', 'ALL', 1,
     'Employer has a worksite in the five counties of the region',
     'in_service_area'),
    ('indiana-jvsg', 'Veterans'' hiring assistance', 'ALL', 0,
     'Employer is willing to hire veterans',
     'hires_veterans'),
    ('indiana-rapid-response', 'Rapid Response information sessions', 'ALL', 0,
     'Employer has announced a layoff or closure',
     'layoff_announced'),
    ('indiana-rapid-response', 'WARN Act notice guidance', 'ALL', 0,
     'Employer has 100 or more employees',
     'employee_band_min >= 100'),
    ('scsep-northern-indiana', 'Host agency training sites', 'ALL', 0,
     'Host is a nonprofit organization or a public agency',
     'ownership_type in [''NONPROFIT'', ''PUBLIC'']'),
    ('ivy-tech-south-bend-elkhart', 'Customized training for manufacturers', 'ALL', 0,
     'Employer is a manufacturer (NAICS 31-33)',
     'naics_sector == ''31-33'''),
    ('dwd-employment-service', 'On-site recruitment at the job center', 'ALL', 0,
     'Employer is hiring',
     'size(hiring_needs) > 0');

INSERT INTO service_eligibility (service_id, combination)
SELECT DISTINCT s.id, r.combination
FROM demo_rule r
JOIN partner p ON p.code = r.partner_code
JOIN workforce_area area ON area.id = p.area_id AND area.code = 'in-northern-indiana-demo'
JOIN program pr ON pr.partner_id = p.id
JOIN service s ON s.program_id = pr.id AND s.name = r.service_name;

INSERT INTO eligibility_rule (service_id, position, label, expression)
SELECT s.id, r.position, r.label, r.expression
FROM demo_rule r
JOIN partner p ON p.code = r.partner_code
JOIN workforce_area area ON area.id = p.area_id AND area.code = 'in-northern-indiana-demo'
JOIN program pr ON pr.partner_id = p.id
JOIN service s ON s.program_id = pr.id AND s.name = r.service_name;
