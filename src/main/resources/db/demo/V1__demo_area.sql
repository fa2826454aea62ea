-- Demo area: the Northern Indiana workforce area (Indiana Region 2: Elkhart, Fulton, Kosciusko, Marshall and
-- St. Joseph counties) with its real one-stop partners and their real programs. Offices, addresses, phone
-- numbers, mailboxes and reviewers are fictional: addresses are "Example" streets in real cities, phone numbers
-- use the 555-01xx range reserved for fiction, mailboxes are at example.org, and no row names a person.
-- Every row refers to reference data and to other demo rows by code or name, so identity values never matter. Sources: docs/demo-area.md.

INSERT INTO workforce_area (code, name, state_fips, demo)
VALUES ('in-northern-indiana-demo', 'Northern Indiana (Indiana Region 2), demo area', '18', true);

INSERT INTO partner (area_id, code, name, description, website, review_period_days, demo)
SELECT area.id, v.code, v.name, v.description, v.website, v.review_period_days, true
FROM workforce_area area
CROSS JOIN (VALUES
    ('workone-northern-indiana', 'WorkOne Northern Indiana',
     'The American Job Centers of the Northern Indiana Workforce Board. Its business services team runs the WIOA Title I Adult, Dislocated Worker and Youth programs for employers in Elkhart, Fulton, Kosciusko, Marshall and St. Joseph counties.',
     NULL, 90),
    ('dwd-employment-service', 'Wagner-Peyser Employment Service (Indiana Department of Workforce Development)',
     'The public labor exchange run by the Indiana Department of Workforce Development in the WorkOne centers: job posting, candidate referral, labor market information and Work Opportunity Tax Credit certification.',
     NULL, 90),
    ('indiana-vocational-rehabilitation', 'Indiana Vocational Rehabilitation Services',
     'The state Vocational Rehabilitation program. It helps employers recruit, hire and keep qualified workers with disabilities, at no cost to the employer.',
     NULL, 120),
    ('indiana-adult-education', 'Adult Education (Indiana Department of Workforce Development)',
     'Adult basic education, high school equivalency and English language classes, including classes held at a worksite for an employer''s staff.',
     NULL, 120),
    ('ivy-tech-south-bend-elkhart', 'Ivy Tech Community College South Bend–Elkhart',
     'The community college for the region. It offers career and technical education funded in part by the Perkins Act, and training built for an employer''s workers.',
     NULL, 180),
    ('indiana-jvsg', 'Jobs for Veterans State Grants (Indiana Department of Workforce Development)',
     'Local Veterans'' Employment Representatives (LVER) who help employers hire veterans, and Disabled Veterans'' Outreach Program specialists (DVOP) who prepare veterans with significant barriers for work.',
     NULL, 90),
    ('indiana-rapid-response', 'Rapid Response (Indiana Department of Workforce Development)',
     'The state Rapid Response team. It helps employers that plan or announce a layoff or closure, and their workers, and works on layoff aversion.',
     NULL, 60),
    ('indiana-trade-adjustment-assistance', 'Trade Adjustment Assistance (Indiana Department of Workforce Development)',
     'Trade Adjustment Assistance for workers who lost their jobs because of foreign trade, run by the state in the WorkOne centers.',
     NULL, 180),
    ('scsep-northern-indiana', 'Senior Community Service Employment Program (SCSEP)',
     'Paid part-time community service training for low-income job seekers aged 55 and older, leading to jobs with private and public employers.',
     NULL, 120),
    ('indiana-impact', 'IMPACT employment and training (Indiana Family and Social Services Administration)',
     'Indiana''s employment and training program for people who receive Temporary Assistance for Needy Families (TANF) or SNAP, run by the Division of Family Resources.',
     NULL, 120),
    ('job-corps', 'Job Corps (U.S. Department of Labor)',
     'Academic and career technical training for young people aged 16 to 24; the admissions and career transition staff connect graduates with employers in the region.',
     NULL, 180)
) AS v(code, name, description, website, review_period_days)
WHERE area.code = 'in-northern-indiana-demo';

-- Fictional offices in real cities, with each city's real ZIP code and county FIPS code. All five counties
-- keep Eastern time, which the IANA zone America/Indiana/Indianapolis describes.
INSERT INTO office (partner_id, name, address_line1, address_line2, city, state, zip, county_fips, phone, phone_e164,
                    email, time_zone, hours, demo)
SELECT p.id, v.name, v.address_line1, v.address_line2, v.city, 'IN', v.zip, v.county_fips, v.phone, v.phone_e164,
       v.email, 'America/Indiana/Indianapolis', v.hours, true
FROM (VALUES
    ('workone-northern-indiana', 'Demo office – South Bend (fictional)', '100 Example Street', NULL, 'South Bend', '46601', '18141', '(574) 555-0101', '+15745550101', 'business.southbend@example.org', 'Monday to Friday, 8:00 a.m. to 4:30 p.m.'),
    ('workone-northern-indiana', 'Demo office – Elkhart (fictional)', '200 Example Avenue', NULL, 'Elkhart', '46516', '18039', '(574) 555-0102', '+15745550102', 'business.elkhart@example.org', 'Monday to Friday, 8:00 a.m. to 4:30 p.m.'),
    ('workone-northern-indiana', 'Demo office – Warsaw (fictional)', '300 Example Road', NULL, 'Warsaw', '46580', '18085', '(574) 555-0103', '+15745550103', 'business.warsaw@example.org', 'Monday to Thursday, 8:00 a.m. to 4:30 p.m.'),
    ('workone-northern-indiana', 'Demo office – Plymouth (fictional)', '400 Example Lane', NULL, 'Plymouth', '46563', '18099', '(574) 555-0104', '+15745550104', 'business.plymouth@example.org', 'Tuesday and Thursday, 9:00 a.m. to 4:00 p.m.'),
    ('workone-northern-indiana', 'Demo office – Rochester (fictional)', '500 Example Court', NULL, 'Rochester', '46975', '18049', '(574) 555-0105', '+15745550105', 'business.rochester@example.org', 'Wednesday, 9:00 a.m. to 3:00 p.m.'),
    ('dwd-employment-service', 'Demo office – South Bend (fictional)', '100 Example Street', 'Suite 2', 'South Bend', '46601', '18141', '(574) 555-0111', '+15745550111', 'employment-service.southbend@example.org', 'Monday to Friday, 8:00 a.m. to 4:30 p.m.'),
    ('dwd-employment-service', 'Demo office – Elkhart (fictional)', '200 Example Avenue', 'Suite 2', 'Elkhart', '46516', '18039', '(574) 555-0112', '+15745550112', 'employment-service.elkhart@example.org', 'Monday to Friday, 8:00 a.m. to 4:30 p.m.'),
    ('indiana-vocational-rehabilitation', 'Demo office – South Bend (fictional)', '110 Example Street', NULL, 'South Bend', '46601', '18141', '(574) 555-0121', '+15745550121', 'vr-business.southbend@example.org', 'Monday to Friday, 8:00 a.m. to 4:30 p.m.'),
    ('indiana-vocational-rehabilitation', 'Demo office – Warsaw (fictional)', '310 Example Road', NULL, 'Warsaw', '46580', '18085', '(574) 555-0122', '+15745550122', 'vr-business.warsaw@example.org', 'Monday to Friday, 8:00 a.m. to 4:30 p.m.'),
    ('indiana-adult-education', 'Demo office – Elkhart (fictional)', '210 Example Avenue', NULL, 'Elkhart', '46516', '18039', '(574) 555-0131', '+15745550131', 'adult-education.elkhart@example.org', 'Monday to Thursday, 8:30 a.m. to 8:00 p.m.'),
    ('indiana-adult-education', 'Demo office – Plymouth (fictional)', '410 Example Lane', NULL, 'Plymouth', '46563', '18099', '(574) 555-0132', '+15745550132', 'adult-education.plymouth@example.org', 'Monday to Thursday, 9:00 a.m. to 7:00 p.m.'),
    ('ivy-tech-south-bend-elkhart', 'Demo office – South Bend (fictional)', '120 Example Street', NULL, 'South Bend', '46601', '18141', '(574) 555-0141', '+15745550141', 'workforce-training.southbend@example.org', 'Monday to Friday, 8:00 a.m. to 5:00 p.m.'),
    ('ivy-tech-south-bend-elkhart', 'Demo office – Goshen (fictional)', '600 Example Drive', NULL, 'Goshen', '46526', '18039', '(574) 555-0142', '+15745550142', 'workforce-training.goshen@example.org', 'Monday to Friday, 8:00 a.m. to 5:00 p.m.'),
    ('indiana-jvsg', 'Demo office – South Bend (fictional)', '100 Example Street', 'Suite 3', 'South Bend', '46601', '18141', '(574) 555-0151', '+15745550151', 'veterans.southbend@example.org', 'Monday to Friday, 8:00 a.m. to 4:30 p.m.'),
    ('indiana-rapid-response', 'Demo office – South Bend (fictional)', '130 Example Street', NULL, 'South Bend', '46601', '18141', '(574) 555-0161', '+15745550161', 'rapid-response.region2@example.org', 'Monday to Friday, 8:00 a.m. to 4:30 p.m.'),
    ('indiana-trade-adjustment-assistance', 'Demo office – Elkhart (fictional)', '200 Example Avenue', 'Suite 3', 'Elkhart', '46516', '18039', '(574) 555-0171', '+15745550171', 'trade-assistance.elkhart@example.org', 'Monday to Friday, 8:00 a.m. to 4:30 p.m.'),
    ('scsep-northern-indiana', 'Demo office – Rochester (fictional)', '510 Example Court', NULL, 'Rochester', '46975', '18049', '(574) 555-0181', '+15745550181', 'scsep.rochester@example.org', 'Monday, Wednesday and Friday, 9:00 a.m. to 3:00 p.m.'),
    ('scsep-northern-indiana', 'Demo office – South Bend (fictional)', '140 Example Street', NULL, 'South Bend', '46601', '18141', '(574) 555-0182', '+15745550182', 'scsep.southbend@example.org', 'Monday to Friday, 9:00 a.m. to 4:00 p.m.'),
    ('indiana-impact', 'Demo office – South Bend (fictional)', '150 Example Street', NULL, 'South Bend', '46601', '18141', '(574) 555-0191', '+15745550191', 'impact.southbend@example.org', 'Monday to Friday, 8:00 a.m. to 4:30 p.m.'),
    ('job-corps', 'Demo office – South Bend (fictional)', '160 Example Street', NULL, 'South Bend', '46601', '18141', '(574) 555-0199', '+15745550199', 'job-corps.admissions@example.org', 'Monday to Friday, 9:00 a.m. to 5:00 p.m.')
) AS v(partner_code, name, address_line1, address_line2, city, zip, county_fips, phone, phone_e164, email, hours)
JOIN partner p ON p.code = v.partner_code
JOIN workforce_area area ON area.id = p.area_id AND area.code = 'in-northern-indiana-demo';

-- Programs, each tied to its federal program code. The Work Opportunity Tax Credit is a federal tax credit
-- that the state workforce agency certifies, not a one-stop partner program, so it has no code.
INSERT INTO program (partner_id, federal_program_code, name, description)
SELECT p.id, v.federal_program_code, v.name, v.description
FROM (VALUES
    ('workone-northern-indiana', 'wioa-adult', 'WIOA Title I Adult', 'Career and training services for adults, with priority for people with low income, public assistance recipients and people who lack basic skills.'),
    ('workone-northern-indiana', 'wioa-dislocated-worker', 'WIOA Title I Dislocated Worker', 'Career and training services for workers who lost a job through a layoff or closure, and for displaced homemakers.'),
    ('workone-northern-indiana', 'wioa-youth', 'WIOA Title I Youth', 'Education, work experience and support for young people aged 14 to 24 who face barriers to work.'),
    ('dwd-employment-service', 'wagner-peyser', 'Wagner-Peyser Employment Service', 'The public labor exchange: job posting, screening and referral of candidates, and labor market information.'),
    ('dwd-employment-service', NULL, 'Work Opportunity Tax Credit certification', 'Certification of new hires from target groups for the federal Work Opportunity Tax Credit.'),
    ('indiana-vocational-rehabilitation', 'vocational-rehabilitation', 'Vocational Rehabilitation', 'Services that help people with disabilities prepare for, get and keep work, and help employers hire and keep them.'),
    ('indiana-adult-education', 'adult-education', 'Adult Education and Family Literacy', 'Adult basic education, high school equivalency preparation, English language classes and integrated education and training.'),
    ('ivy-tech-south-bend-elkhart', 'perkins-cte', 'Career and technical education (Perkins)', 'Postsecondary certificates and degrees in technical fields, built with local employers.'),
    ('indiana-jvsg', 'jvsg', 'Jobs for Veterans State Grants', 'Employer outreach by Local Veterans'' Employment Representatives and intensive services by Disabled Veterans'' Outreach Program specialists.'),
    ('indiana-rapid-response', 'wioa-dislocated-worker', 'Rapid Response (WIOA statewide dislocated worker funds)', 'Early intervention for layoffs and closures, funded from the state''s WIOA dislocated worker reserve.'),
    ('indiana-trade-adjustment-assistance', 'taa', 'Trade Adjustment Assistance for Workers', 'Training, job search and relocation help for workers covered by a certified trade petition.'),
    ('scsep-northern-indiana', 'scsep', 'Senior Community Service Employment Program', 'Paid part-time community service training for low-income job seekers aged 55 and older.'),
    ('indiana-impact', 'tanf', 'IMPACT for TANF recipients', 'Employment and training for parents who receive Temporary Assistance for Needy Families.'),
    ('indiana-impact', 'snap-et', 'IMPACT for SNAP recipients', 'SNAP Employment and Training: job search, training and job placement for SNAP recipients.'),
    ('job-corps', 'job-corps', 'Job Corps', 'Academic and career technical training, mostly residential, for young people aged 16 to 24.')
) AS v(partner_code, federal_program_code, name, description)
JOIN partner p ON p.code = v.partner_code
JOIN workforce_area area ON area.id = p.area_id AND area.code = 'in-northern-indiana-demo';

-- Services to businesses. verified_days_ago is NULL for a service that has not been verified yet, and a value
-- above the partner's review period makes the entry overdue for verification.
INSERT INTO service (program_id, office_id, category_code, name, description, eligibility_description,
                     contact_name, contact_email, contact_phone, last_verified_at, last_verified_by)
SELECT pr.id, o.id, c.code, v.name, v.description, v.eligibility, v.contact_name, v.contact_email, v.contact_phone,
       CASE WHEN v.verified_days_ago IS NULL THEN NULL ELSE now() - make_interval(days => v.verified_days_ago) END,
       CASE WHEN v.verified_days_ago IS NULL THEN NULL ELSE 'Demo partner administrator (fictional)' END
FROM (VALUES
    -- WorkOne Northern Indiana
    ('workone-northern-indiana', 'WIOA Title I Adult', 'Demo office – South Bend (fictional)', 'training',
     'On-the-job training',
     'WorkOne pays part of the wages of a new hire while you train them on the job, under a written training plan that you and WorkOne agree on.',
     'Employers hiring a WIOA-eligible job seeker into a full-time job; WIOA reimburses up to 50 percent of wages during training, or up to 75 percent where the local board allows.',
     'Business services team', 'ojt.demo@example.org', '(574) 555-0101', 12),
    ('workone-northern-indiana', 'WIOA Title I Dislocated Worker', 'Demo office – Elkhart (fictional)', 'training',
     'Customized training',
     'Training designed with you for the specific skills your new hires need, taught by a provider you choose together, for people you commit to hire.',
     'Employers that commit to hire the people who complete the training and pay a significant share of its cost.',
     'Business services team', 'customized-training.demo@example.org', '(574) 555-0102', 30),
    ('workone-northern-indiana', 'WIOA Title I Dislocated Worker', 'Demo office – Warsaw (fictional)', 'incumbent-worker-training',
     'Incumbent worker training',
     'Grants toward training your current workers so they can keep their jobs, move up, or help you avoid a layoff.',
     'Employers training workers with at least six months of work history with them; the employer pays 10, 25 or 50 percent of the cost depending on its size.',
     'Business services team', 'iwt.demo@example.org', '(574) 555-0103', 45),
    ('workone-northern-indiana', 'WIOA Title I Adult', 'Demo office – South Bend (fictional)', 'training',
     'Registered apprenticeship development',
     'Help to design and register an apprenticeship program with the U.S. Department of Labor, and WIOA funds toward the classroom part for eligible apprentices.',
     'Employers willing to pay apprentices a progressive wage and provide structured on-the-job learning with a mentor.',
     'Apprenticeship navigator', 'apprenticeship.demo@example.org', '(574) 555-0101', 20),
    ('workone-northern-indiana', 'WIOA Title I Youth', 'Demo office – Plymouth (fictional)', 'untapped-labor-pools',
     'Youth paid work experience',
     'WorkOne pays the wages of a young person in a short paid internship at your business, and a youth career advisor stays in touch with you both.',
     'Employers able to host and supervise a WIOA Youth participant aged 16 to 24 for up to 12 weeks.',
     'Youth services team', 'youth-work-experience.demo@example.org', '(574) 555-0104', 60),
    ('workone-northern-indiana', 'WIOA Title I Adult', 'Demo office – Elkhart (fictional)', 'workforce-recruitment',
     'Hiring events and job fairs',
     'A hiring event at a WorkOne center or at your site, with pre-screened candidates, or a table at one of the regional job fairs.',
     'Any employer with current openings in the five counties of the region.',
     'Business services team', 'hiring-events.demo@example.org', '(574) 555-0102', 8),
    ('workone-northern-indiana', 'WIOA Title I Adult', 'Demo office – Rochester (fictional)', 'strategic-planning',
     'Sector partnership planning',
     'WorkOne works with you, other employers in your industry and economic development partners on a shared plan for hiring and training in your sector.',
     'Employers in the region''s priority sectors, such as advanced manufacturing, recreational vehicles, orthopedic devices and health care.',
     'Business services team', 'sector-partnerships.demo@example.org', '(574) 555-0105', 150),
    ('workone-northern-indiana', 'WIOA Title I Dislocated Worker', 'Demo office – South Bend (fictional)', 'workforce-recruitment',
     'Transitional jobs and candidate referral for dislocated workers',
     'Referral of experienced workers from recent layoffs in the region, screened against your job requirements.',
     'Any employer with openings that fit the skills of recently laid-off workers.',
     'Business services team', 'dislocated-worker-referrals.demo@example.org', '(574) 555-0101', NULL),

    -- Wagner-Peyser Employment Service
    ('dwd-employment-service', 'Wagner-Peyser Employment Service', 'Demo office – South Bend (fictional)', 'workforce-recruitment',
     'Job posting and candidate screening',
     'Post your openings on the state job bank; staff screen applicants against your minimum requirements and refer those who meet them.',
     'Any employer hiring in Indiana for a lawful job that meets federal and state labor standards.',
     'Employment service team', 'job-posting.demo@example.org', '(574) 555-0111', 5),
    ('dwd-employment-service', 'Wagner-Peyser Employment Service', 'Demo office – South Bend (fictional)', 'employer-information',
     'Labor market and wage information',
     'Local wage ranges, industry trends and the supply of candidates for your occupations, from state labor market information.',
     'Any employer or business planning to open or expand in the region.',
     'Labor market information team', 'labor-market.demo@example.org', '(574) 555-0111', 25),
    ('dwd-employment-service', 'Work Opportunity Tax Credit certification', 'Demo office – Elkhart (fictional)', 'employer-information',
     'Work Opportunity Tax Credit guidance',
     'Help to screen new hires for the federal Work Opportunity Tax Credit, file the forms correctly and follow a certification request.',
     'Employers hiring from a target group, such as veterans, SNAP recipients or long-term unemployed people; IRS Form 8850 must reach the state within 28 days after the employee starts work.',
     'Tax credit team', 'wotc.demo@example.org', '(574) 555-0112', 40),
    ('dwd-employment-service', 'Wagner-Peyser Employment Service', 'Demo office – Elkhart (fictional)', 'employer-information',
     'Unemployment insurance and labor law information for employers',
     'Answers on employer unemployment insurance accounts, reporting new hires, and where to get help with wage and hour rules.',
     'Any employer with workers in Indiana.',
     'Employment service team', 'employer-questions.demo@example.org', '(574) 555-0112', 130),
    ('dwd-employment-service', 'Wagner-Peyser Employment Service', 'Demo office – South Bend (fictional)', 'workforce-recruitment',
     'On-site recruitment at the job center',
     'Use an interview room at the job center for a day to meet walk-in candidates and interview on the spot.',
     'Any employer with two or more current openings.',
     'Employment service team', 'onsite-recruitment.demo@example.org', '(574) 555-0111', 15),

    -- Indiana Vocational Rehabilitation Services
    ('indiana-vocational-rehabilitation', 'Vocational Rehabilitation', 'Demo office – South Bend (fictional)', 'untapped-labor-pools',
     'Disability inclusion training for employers',
     'A session for your managers and staff on hiring and working with people with disabilities, disability etiquette and accessible recruiting.',
     'Any employer in the region; the session is free.',
     'VR business services team', 'disability-inclusion.demo@example.org', '(574) 555-0121', 35),
    ('indiana-vocational-rehabilitation', 'Vocational Rehabilitation', 'Demo office – Warsaw (fictional)', 'untapped-labor-pools',
     'On-the-job supports and job coaching',
     'A job coach helps a new employee with a disability learn the job at your site and stays available to you both as long as needed.',
     'Employers hiring a person who is a Vocational Rehabilitation participant.',
     'VR business services team', 'job-coaching.demo@example.org', '(574) 555-0122', 50),
    ('indiana-vocational-rehabilitation', 'Vocational Rehabilitation', 'Demo office – South Bend (fictional)', 'employer-information',
     'Job accommodation consultation',
     'Advice on workplace accommodations for an applicant or employee with a disability, and help to find and pay for assistive technology.',
     'Any employer; paid equipment is available only for Vocational Rehabilitation participants.',
     'VR business services team', 'accommodations.demo@example.org', '(574) 555-0121', 100),
    ('indiana-vocational-rehabilitation', 'Vocational Rehabilitation', 'Demo office – Warsaw (fictional)', 'untapped-labor-pools',
     'Referral of qualified candidates with disabilities',
     'Referral of Vocational Rehabilitation participants whose skills and training match your openings.',
     'Any employer with openings in the region.',
     'VR business services team', 'vr-candidates.demo@example.org', '(574) 555-0122', 18),
    ('indiana-vocational-rehabilitation', 'Vocational Rehabilitation', 'Demo office – South Bend (fictional)', 'training',
     'Paid work-based learning for people with disabilities',
     'Vocational Rehabilitation pays the wages of a participant during a short work trial or on-the-job training at your business.',
     'Employers able to supervise a Vocational Rehabilitation participant and give feedback on the trial.',
     'VR business services team', 'work-based-learning.demo@example.org', '(574) 555-0121', NULL),

    -- Adult Education
    ('indiana-adult-education', 'Adult Education and Family Literacy', 'Demo office – Elkhart (fictional)', 'incumbent-worker-training',
     'Workplace literacy and English classes',
     'Reading, math and English language classes held at your worksite, scheduled around your shifts, with content drawn from your workplace.',
     'Employers whose workers are 16 or older, not enrolled in high school, and lack basic skills or are learning English.',
     'Adult education team', 'workplace-literacy.demo@example.org', '(574) 555-0131', 22),
    ('indiana-adult-education', 'Adult Education and Family Literacy', 'Demo office – Plymouth (fictional)', 'incumbent-worker-training',
     'High school equivalency preparation for employees',
     'Classes that prepare your employees for the high school equivalency test, at your site or at an adult education center.',
     'Employees aged 16 or older who have not finished high school and are not enrolled in school.',
     'Adult education team', 'hse-classes.demo@example.org', '(574) 555-0132', 70),
    ('indiana-adult-education', 'Adult Education and Family Literacy', 'Demo office – Elkhart (fictional)', 'training',
     'Integrated education and training for entry-level hires',
     'Basic skills classes taught together with short occupational training, so new hires build both at once.',
     'Employers hiring entry-level workers who need basic skills or English together with job training.',
     'Adult education team', 'integrated-training.demo@example.org', '(574) 555-0131', NULL),

    -- Ivy Tech Community College South Bend–Elkhart
    ('ivy-tech-south-bend-elkhart', 'Career and technical education (Perkins)', 'Demo office – Goshen (fictional)', 'incumbent-worker-training',
     'Customized training for manufacturers',
     'Short courses for your current workers in automation, robotics, industrial maintenance or quality, at your plant or in the college''s labs.',
     'Any employer; the cost depends on the course and may be covered in part by state training grants.',
     'Workforce training team', 'manufacturing-training.demo@example.org', '(574) 555-0142', 28),
    ('ivy-tech-south-bend-elkhart', 'Career and technical education (Perkins)', 'Demo office – South Bend (fictional)', 'training',
     'Short-term certificate training for new hires',
     'Certificate programs of a few weeks to a semester that prepare new hires for technical jobs such as welding, CNC machining or nursing assistant.',
     'Employers hiring into technical occupations; students apply to the college.',
     'Workforce training team', 'certificates.demo@example.org', '(574) 555-0141', 95),
    ('ivy-tech-south-bend-elkhart', 'Career and technical education (Perkins)', 'Demo office – South Bend (fictional)', 'strategic-planning',
     'Program advisory committees',
     'Join an advisory committee that sets what the college teaches in your field, so graduates have the skills you need.',
     'Employers in fields that the college teaches who can meet two or three times a year.',
     'Workforce training team', 'advisory-committees.demo@example.org', '(574) 555-0141', 200),

    -- Jobs for Veterans State Grants
    ('indiana-jvsg', 'Jobs for Veterans State Grants', 'Demo office – South Bend (fictional)', 'untapped-labor-pools',
     'Veterans'' hiring assistance',
     'A Local Veterans'' Employment Representative helps you recruit veterans, translate military experience into your job requirements and set up veteran hiring programs.',
     'Any employer that wants to hire veterans.',
     'Veterans employment team', 'hire-veterans.demo@example.org', '(574) 555-0151', 10),
    ('indiana-jvsg', 'Jobs for Veterans State Grants', 'Demo office – South Bend (fictional)', 'workforce-recruitment',
     'Veteran hiring events',
     'Hiring events for veterans and military spouses, held at the job center or with local veterans'' organizations.',
     'Any employer with openings that welcomes veteran candidates.',
     'Veterans employment team', 'veteran-events.demo@example.org', '(574) 555-0151', 55),

    -- Rapid Response
    ('indiana-rapid-response', 'Rapid Response (WIOA statewide dislocated worker funds)', 'Demo office – South Bend (fictional)', 'rapid-response',
     'Rapid Response information sessions',
     'On-site sessions for workers affected by a layoff or closure on unemployment insurance, health coverage, job search and training.',
     'Employers announcing a layoff or closure of any size in the region.',
     'Rapid Response team', 'rapid-response.demo@example.org', '(574) 555-0161', 14),
    ('indiana-rapid-response', 'Rapid Response (WIOA statewide dislocated worker funds)', 'Demo office – South Bend (fictional)', 'planning-layoff-response',
     'Layoff aversion planning',
     'Early help for a business at risk of layoffs: incumbent worker training, work sharing, connections to buyers or investors, and a response plan prepared in advance.',
     'Employers that expect a downturn or a reduction in staff.',
     'Rapid Response team', 'layoff-aversion.demo@example.org', '(574) 555-0161', 40),
    ('indiana-rapid-response', 'Rapid Response (WIOA statewide dislocated worker funds)', 'Demo office – South Bend (fictional)', 'planning-layoff-response',
     'WARN Act notice guidance',
     'Help to understand whether a layoff or closure needs a WARN notice, whom to notify, and what the notice must contain.',
     'Employers with 100 or more employees planning a plant closing or mass layoff, which needs 60 days'' notice under the federal WARN Act.',
     'Rapid Response team', 'warn-notices.demo@example.org', '(574) 555-0161', 75),

    -- Trade Adjustment Assistance
    ('indiana-trade-adjustment-assistance', 'Trade Adjustment Assistance for Workers', 'Demo office – Elkhart (fictional)', 'rapid-response',
     'Trade Adjustment Assistance for affected workers',
     'Help for workers of a business hurt by foreign trade who are covered by a petition that the U.S. Department of Labor certified, with training and job search support.',
     'Employers whose former workers are covered by a certified trade petition; new petitions depend on the program''s current federal authorization.',
     'Trade assistance team', 'trade-assistance.demo@example.org', '(574) 555-0171', 110),

    -- SCSEP
    ('scsep-northern-indiana', 'Senior Community Service Employment Program', 'Demo office – Rochester (fictional)', 'untapped-labor-pools',
     'Experienced older workers for your openings',
     'Referral of SCSEP participants aged 55 and older, trained through community service assignments, for your openings.',
     'Any employer; participants are unemployed, aged 55 or older, with family income of no more than 125 percent of the federal poverty level.',
     'SCSEP team', 'scsep-hiring.demo@example.org', '(574) 555-0181', 33),
    ('scsep-northern-indiana', 'Senior Community Service Employment Program', 'Demo office – South Bend (fictional)', 'training',
     'Host agency training sites',
     'Nonprofit and public employers host an SCSEP participant whose wages the program pays while they build skills for a permanent job.',
     'Nonprofit organizations and public agencies that can supervise a participant for about 20 hours a week.',
     'SCSEP team', 'scsep-host.demo@example.org', '(574) 555-0182', NULL),

    -- IMPACT
    ('indiana-impact', 'IMPACT for TANF recipients', 'Demo office – South Bend (fictional)', 'untapped-labor-pools',
     'Hiring help for TANF and SNAP participants',
     'Referral of job-ready IMPACT participants, with support such as transportation and child care help that keeps new hires at work.',
     'Any employer with entry-level or skilled openings in the region.',
     'IMPACT employer team', 'impact-hiring.demo@example.org', '(574) 555-0191', 65),
    ('indiana-impact', 'IMPACT for SNAP recipients', 'Demo office – South Bend (fictional)', 'training',
     'Subsidized work experience',
     'IMPACT pays the wages of a SNAP participant for a short work experience at your business, with a view to hiring.',
     'Employers able to supervise a participant and consider them for a permanent job.',
     'IMPACT employer team', 'impact-work-experience.demo@example.org', '(574) 555-0191', 85),

    -- Job Corps
    ('job-corps', 'Job Corps', 'Demo office – South Bend (fictional)', 'workforce-recruitment',
     'Recruiting Job Corps graduates',
     'Connections to Job Corps graduates aged 16 to 24 with industry certificates in trades such as construction, manufacturing and health care.',
     'Any employer with entry-level openings in the trades that Job Corps teaches.',
     'Career transition team', 'job-corps-graduates.demo@example.org', '(574) 555-0199', 140)
) AS v(partner_code, program_name, office_name, category_code, name, description, eligibility, contact_name,
       contact_email, contact_phone, verified_days_ago)
JOIN partner p ON p.code = v.partner_code
JOIN workforce_area area ON area.id = p.area_id AND area.code = 'in-northern-indiana-demo'
JOIN program pr ON pr.partner_id = p.id AND pr.name = v.program_name
JOIN office o ON o.partner_id = p.id AND o.name = v.office_name
JOIN employer_service_category c ON c.code = v.category_code;
