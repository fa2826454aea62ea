-- Plausible live capacity for every service of the demo area, so the capacity box, the status tags and live
-- updates have something to show. The unit follows the service category: cohort seats for training, training
-- dollars for incumbent worker grants, staff hours for advice and layoff work, and slots for recruitment.
-- Every seventh service is full, and one has figures older than their freshness limit, so it shows
-- "Availability unknown". All figures are invented.
WITH demo_service AS (
    SELECT s.id, s.category_code, row_number() OVER (ORDER BY s.name, s.id) AS n
    FROM service s
    JOIN program pr ON pr.id = s.program_id
    JOIN partner p ON p.id = pr.partner_id
    JOIN workforce_area area ON area.id = p.area_id AND area.code = 'in-northern-indiana-demo'
), sized AS (
    SELECT id, n,
           CASE category_code
               WHEN 'training' THEN 'COHORT_SEATS'
               WHEN 'incumbent-worker-training' THEN 'TRAINING_DOLLARS'
               WHEN 'workforce-recruitment' THEN 'SLOTS'
               WHEN 'untapped-labor-pools' THEN 'SLOTS'
               ELSE 'HOURS'
           END AS unit,
           CASE category_code
               WHEN 'training' THEN 12 + (n % 4) * 4
               WHEN 'incumbent-worker-training' THEN 50000 + (n % 3) * 50000
               WHEN 'workforce-recruitment' THEN 10 + (n % 3) * 10
               WHEN 'untapped-labor-pools' THEN 10 + (n % 3) * 10
               ELSE 40 + (n % 3) * 40
           END AS maximum
    FROM demo_service
)
INSERT INTO service_capacity (service_id, unit, maximum_units, available_units, freshness_limit, updated_at, updated_by)
SELECT id, unit, maximum,
       CASE WHEN n % 7 = 0 THEN 0 ELSE maximum * (1 + n % 4) / 5 END,
       CASE WHEN n % 4 = 0 THEN interval '14 days' ELSE interval '7 days' END,
       CASE WHEN n = 5 THEN now() - interval '10 days' ELSE now() - make_interval(days => (n % 5)::int, hours => (n % 9)::int) END,
       'Demo partner staff member (fictional)'
FROM sized;
