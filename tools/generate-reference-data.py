#!/usr/bin/env python3
"""Generate the Flyway migration that loads OneDoor's shipped reference data.

Run from the repository root, with Python 3.8 or later and no extra packages:

    python3 tools/generate-reference-data.py

Inputs (copies of public source files, described in reference-data/README.md):
    reference-data/naics_2022_codes.csv     NAICS 2022 codes and titles (US Census Bureau)
    reference-data/state_fips_master.csv    state FIPS codes
    reference-data/county_fips_master.csv   county FIPS codes
The federal programs and employer service categories are tables in this file.

Output:
    src/main/resources/db/migration/V3__reference_data.sql

The generated SQL is committed, so the build never runs Python. The generator stops
with an error, and writes nothing, when an input breaks one of the checks below
(row counts, code formats, parents, encoding), because a silent change in the
shipped reference data would be hard to notice later.
"""

import csv
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "reference-data"
OUTPUT = ROOT / "src" / "main" / "resources" / "db" / "migration" / "V3__reference_data.sql"

NAICS_FILE = DATA / "naics_2022_codes.csv"
STATE_FILE = DATA / "state_fips_master.csv"
COUNTY_FILE = DATA / "county_fips_master.csv"

EXPECTED_NAICS_CODES = 2125
EXPECTED_STATES = 51  # 50 states and the District of Columbia
EXPECTED_COUNTIES = 3145

ROWS_PER_INSERT = 500

# Census titles may end with a superscript "T" that marks a trilateral (US, Canada, Mexico) industry.
# Only a "T" directly after a lower-case letter or ')' counts, because no word in a title ends that way.
TRILATERAL_MARKER = re.compile(r"(?<=[a-z)])T$")

# Known encoding damage in county_fips_master.csv, repaired byte for byte before decoding.
# Any other byte sequence that is not valid UTF-8 stops the generator.
COUNTY_BYTE_REPAIRS = {
    # 35013: the source stores the n-tilde as the single byte 0xD0.
    b"Do\xd0a Ana County": "Doña Ana County".encode("utf-8"),
}


class InputError(Exception):
    """An input file that breaks an expectation the generated data relies on."""


# --- NAICS 2022 --------------------------------------------------------------------------


def read_naics():
    """Return NAICS rows as dicts with code, title, level, sector_code and parent_code."""
    text = NAICS_FILE.read_bytes().decode("utf-8")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    # The source header has three spaces in "NAICS US   Code", so spaces are collapsed before comparing.
    normalized_header = [" ".join(column.split()) for column in header]
    if normalized_header != ["Seq. No.", "2022 NAICS US Code", "2022 NAICS US Title"]:
        raise InputError(f"{NAICS_FILE.name}: unexpected header {header!r}")

    entries = []
    markers_stripped = []
    for line_number, row in enumerate(reader, start=2):
        if not row:
            continue
        if len(row) != 3:
            raise InputError(f"{NAICS_FILE.name} line {line_number}: expected 3 columns, got {len(row)}")
        code = row[1].strip()
        if not re.fullmatch(r"[0-9]{2,6}|[0-9]{2}-[0-9]{2}", code):
            raise InputError(f"{NAICS_FILE.name} line {line_number}: invalid NAICS code {code!r}")
        title = clean_title(row[2])
        if TRILATERAL_MARKER.search(title):
            markers_stripped.append(code)
            title = title[:-1].rstrip()
        if not title:
            raise InputError(f"{NAICS_FILE.name} line {line_number}: code {code} has an empty title")
        entries.append((code, title))

    codes = [code for code, _ in entries]
    if len(set(codes)) != len(codes):
        duplicates = sorted({code for code in codes if codes.count(code) > 1})
        raise InputError(f"{NAICS_FILE.name}: duplicate codes {duplicates}")
    if len(entries) != EXPECTED_NAICS_CODES:
        raise InputError(f"{NAICS_FILE.name}: expected {EXPECTED_NAICS_CODES} codes, found {len(entries)}")

    sector_of_prefix = sector_prefixes(codes)
    known = set(codes)
    rows = []
    for code, title in entries:
        if "-" in code or len(code) == 2:
            level, sector, parent = 2, code, None
        else:
            level = len(code)
            sector = sector_of_prefix.get(code[:2])
            if sector is None:
                raise InputError(f"{NAICS_FILE.name}: code {code} has no sector {code[:2]}")
            parent = sector if level == 3 else code[:-1]
            if parent not in known:
                raise InputError(f"{NAICS_FILE.name}: code {code} has no parent {parent}")
        rows.append({"code": code, "title": title, "level": level, "sector_code": sector, "parent_code": parent})

    print(f"NAICS: {len(rows)} codes, trilateral markers stripped from {len(markers_stripped)} titles"
          + (f" ({', '.join(markers_stripped)})" if markers_stripped else ""))
    return rows


def clean_title(raw):
    """Trim a title, including the trailing U+00A0 spaces some Census titles carry."""
    # str.strip() with no argument removes every Unicode whitespace character, U+00A0 included.
    return raw.strip()


def sector_prefixes(codes):
    """Map each 2-digit prefix to its sector code, which is a range such as 31-33 for manufacturing."""
    sectors = {}
    for code in codes:
        if len(code) == 2:
            sectors[code] = code
        elif "-" in code:
            first, last = (int(part) for part in code.split("-"))
            for prefix in range(first, last + 1):
                sectors[f"{prefix:02d}"] = code
    return sectors


# --- States and counties ------------------------------------------------------------------


def read_states(county_rows):
    """Return states as (fips, abbreviation, name), adding any state that only the county file has."""
    text = STATE_FILE.read_bytes().decode("utf-8")
    states = {}
    for row in csv.DictReader(io.StringIO(text, newline="")):
        fips = two_digit_fips(row["fips"], STATE_FILE.name)
        states[fips] = (fips, row["state_abbr"].strip(), row["state_name"].strip())

    # state_fips_master.csv has the 50 states but not the District of Columbia, so DC comes from
    # the abbreviation and name on the county file's DC rows.
    for row in county_rows:
        fips = row["fips"][:2]
        abbreviation = row["state_abbr"].strip()
        name = row["state_name"].strip()
        if fips not in states:
            states[fips] = (fips, abbreviation, name)
            print(f"States: added {fips} {abbreviation} {name} from {COUNTY_FILE.name}")
        elif states[fips][1:] != (abbreviation, name):
            raise InputError(f"{COUNTY_FILE.name}: county {row['fips']} names state {abbreviation} {name}, "
                             f"but {STATE_FILE.name} has {states[fips][1]} {states[fips][2]} for {fips}")

    if len(states) != EXPECTED_STATES:
        raise InputError(f"expected {EXPECTED_STATES} states, found {len(states)}")
    return sorted(states.values())


def read_county_rows():
    """Return the county file's rows with 5-digit FIPS text, repairing the known encoding damage."""
    raw = COUNTY_FILE.read_bytes()
    for damaged, repaired in COUNTY_BYTE_REPAIRS.items():
        occurrences = raw.count(damaged)
        if occurrences == 0:
            raise InputError(f"{COUNTY_FILE.name}: the known damage {damaged!r} was not found; "
                             "the input changed, so review COUNTY_BYTE_REPAIRS")
        raw = raw.replace(damaged, repaired)
        print(f"Counties: repaired {damaged!r} to {repaired.decode('utf-8')!r} ({occurrences} times)")

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line_number = raw.count(b"\n", 0, error.start) + 1
        raise InputError(f"{COUNTY_FILE.name} line {line_number}: byte 0x{raw[error.start]:02X} is not valid "
                         "UTF-8; add a repair to COUNTY_BYTE_REPAIRS once the intended text is confirmed") from None

    rows = []
    for row in csv.DictReader(io.StringIO(text, newline="")):
        row = {key: value.strip() for key, value in row.items()}
        row["fips"] = five_digit_fips(row["fips"])
        rows.append(row)
    return rows


def read_counties(county_rows, states):
    """Return counties as (fips, state_fips, name), skipping state summary rows."""
    state_fips = {fips for fips, _, _ in states}
    counties = {}
    for row in county_rows:
        fips = row["fips"]
        # sumlev 40 marks a state summary row. The file has one, for DC, and it repeats 11001,
        # the FIPS code of the county-level row for the District of Columbia.
        if row["sumlev"] == "40":
            print(f"Counties: skipped state summary row {fips} {row['county_name']}")
            continue
        if fips in counties:
            raise InputError(f"{COUNTY_FILE.name}: duplicate county FIPS {fips}")
        if fips[:2] not in state_fips:
            raise InputError(f"{COUNTY_FILE.name}: county {fips} has unknown state {fips[:2]}")
        if not row["county_name"]:
            raise InputError(f"{COUNTY_FILE.name}: county {fips} has no name")
        counties[fips] = (fips, fips[:2], row["county_name"])

    if len(counties) != EXPECTED_COUNTIES:
        raise InputError(f"{COUNTY_FILE.name}: expected {EXPECTED_COUNTIES} counties, found {len(counties)}")
    return sorted(counties.values())


def two_digit_fips(value, source):
    if not re.fullmatch(r"[0-9]{1,2}", value.strip()):
        raise InputError(f"{source}: invalid state FIPS {value!r}")
    return f"{int(value):02d}"


def five_digit_fips(value):
    # The source stores FIPS codes as integers, so 01001 appears as 1001.
    if not re.fullmatch(r"[0-9]{4,5}", value):
        raise InputError(f"{COUNTY_FILE.name}: invalid county FIPS {value!r}")
    return f"{int(value):05d}"


# --- Federal programs and employer service categories -------------------------------------

DOL_ETA = "U.S. Department of Labor, Employment and Training Administration"

# (code, name, authority, federal agency, required, description). Required partners follow
# WIOA sec. 121(b)(1)(B) and 20 CFR 678.400; optional ones follow sec. 121(b)(2)(B) and 20 CFR 678.410.
FEDERAL_PROGRAMS = [
    ("wioa-adult", "WIOA Adult program",
     "WIOA title I, subtitle B (sec. 134)", DOL_ETA, True,
     "Career and training services for job seekers aged 18 and older, with priority for people on public "
     "assistance, people with low incomes and people who lack basic skills."),
    ("wioa-dislocated-worker", "WIOA Dislocated Worker program",
     "WIOA title I, subtitle B (sec. 134)", DOL_ETA, True,
     "Career and training services that help people who lost their job through no fault of their own, "
     "and displaced homemakers, return to work."),
    ("wioa-youth", "WIOA Youth program",
     "WIOA title I, subtitle B (sec. 129)", DOL_ETA, True,
     "Education, work experience and support for young people aged 14 to 24 who face barriers to school "
     "completion or employment."),
    ("job-corps", "Job Corps",
     "WIOA title I, subtitle C", "U.S. Department of Labor", True,
     "A mostly residential program that gives young people aged 16 to 24 academic and career technical "
     "training at centers across the country."),
    ("youthbuild", "YouthBuild",
     "WIOA title I, subtitle D (sec. 171)", DOL_ETA, True,
     "Grants that let young people who left school earn a diploma or equivalent while learning construction "
     "and other in-demand skills."),
    ("native-american-programs", "Indian and Native American programs",
     "WIOA title I, subtitle D (sec. 166)", DOL_ETA, True,
     "Employment and training services run by tribes and Native organizations for American Indian, "
     "Alaska Native and Native Hawaiian people."),
    ("migrant-seasonal-farmworkers", "National Farmworker Jobs Program (migrant and seasonal farmworkers)",
     "WIOA title I, subtitle D (sec. 167)", DOL_ETA, True,
     "Training, housing help and other services for migrant and seasonal farmworkers and their dependents, "
     "to stabilize farm employment or move into other work."),
    ("adult-education", "Adult Education and Family Literacy Act program",
     "WIOA title II", "U.S. Department of Education, Office of Career, Technical, and Adult Education", True,
     "Adult basic and secondary education, English language instruction and family literacy for adults "
     "who lack a diploma or basic skills."),
    ("wagner-peyser", "Wagner-Peyser Act Employment Service",
     "Wagner-Peyser Act, as amended by WIOA title III", DOL_ETA, True,
     "The public labor exchange that matches job seekers with employers and offers job search help "
     "to anyone, free of charge."),
    ("vocational-rehabilitation", "State Vocational Rehabilitation Services program",
     "Rehabilitation Act of 1973, title I, as amended by WIOA title IV",
     "U.S. Department of Education, Rehabilitation Services Administration", True,
     "Services that help people with disabilities prepare for, get and keep competitive integrated "
     "employment, including services to employers that hire them."),
    ("scsep", "Senior Community Service Employment Program",
     "Older Americans Act of 1965, title V", DOL_ETA, True,
     "Paid part-time community service work and training for low-income job seekers aged 55 and older."),
    ("perkins-cte", "Career and technical education (postsecondary)",
     "Carl D. Perkins Career and Technical Education Act of 2006",
     "U.S. Department of Education, Office of Career, Technical, and Adult Education", True,
     "Postsecondary career and technical education programs, usually at community and technical colleges, "
     "that lead to credentials employers value."),
    ("taa", "Trade Adjustment Assistance for Workers",
     "Trade Act of 1974, title II, chapter 2", DOL_ETA, True,
     "Training, job search and relocation allowances and income support for workers who lost their job "
     "because of foreign trade."),
    ("jvsg", "Jobs for Veterans State Grants (DVOP and LVER)",
     "38 U.S.C. chapter 41", "U.S. Department of Labor, Veterans' Employment and Training Service", True,
     "Disabled Veterans' Outreach Program specialists serve veterans with significant barriers, and Local "
     "Veterans' Employment Representatives work with employers to hire veterans."),
    ("csbg-employment", "Community Services Block Grant employment and training activities",
     "Community Services Block Grant Act",
     "U.S. Department of Health and Human Services, Administration for Children and Families", True,
     "Employment and training activities that community action agencies fund from their block grant "
     "to reduce poverty."),
    ("hud-employment", "HUD employment and training programs",
     "Programs of the Department of Housing and Urban Development",
     "U.S. Department of Housing and Urban Development", True,
     "Employment and training activities for residents of public and assisted housing, such as the "
     "Section 3 and Family Self-Sufficiency programs."),
    ("unemployment-compensation", "Unemployment Compensation",
     "State unemployment compensation laws under Social Security Act titles III and IX", DOL_ETA, True,
     "Temporary income for eligible workers who lost their job, paid by state agencies under federal rules."),
    ("reentry-employment", "Reentry Employment Opportunities",
     "Second Chance Act of 2007, sec. 212", DOL_ETA, True,
     "Grants that prepare young people and adults who were involved with the justice system for work "
     "and help them find jobs."),
    ("tanf", "Temporary Assistance for Needy Families",
     "Social Security Act, title IV, part A",
     "U.S. Department of Health and Human Services, Administration for Children and Families", True,
     "Cash assistance and work activities for families with children; a required partner unless the "
     "Governor opts out in writing."),
    ("ssa-ticket-to-work", "Social Security employment and training programs, including Ticket to Work",
     "Social Security Act, sec. 1148", "Social Security Administration", False,
     "Employment services for people who receive Social Security disability benefits, delivered through "
     "approved Employment Networks that can include one-stop centers."),
    ("sba-programs", "Small Business Administration employment and training programs",
     "Small Business Act", "U.S. Small Business Administration", False,
     "Counseling, training and financing help for people who start or grow a small business."),
    ("snap-et", "SNAP Employment and Training",
     "Food and Nutrition Act of 2008, secs. 6(d)(4) and 6(o)",
     "U.S. Department of Agriculture, Food and Nutrition Service", False,
     "Job search, training, education and work experience for people who receive SNAP benefits."),
    ("client-assistance", "Client Assistance Program",
     "Rehabilitation Act of 1973, sec. 112",
     "U.S. Department of Education, Rehabilitation Services Administration", False,
     "Advocacy that helps applicants and clients of vocational rehabilitation and other Rehabilitation Act "
     "programs understand and use their rights."),
    ("national-community-service", "National and community service programs (AmeriCorps)",
     "National and Community Service Act of 1990", "AmeriCorps (Corporation for National and Community Service)",
     False,
     "Service programs in which members work with community organizations and earn an education award."),
]

# (code, name, definition). Names follow the employer services counted for the WIOA Effectiveness
# in Serving Employers indicator. The definitions are written for this product.
EMPLOYER_SERVICE_CATEGORIES = [
    ("employer-information", "Employer Information and Support Services",
     "Information and advice given to an employer, such as labor market and wage data, guidance on "
     "labor law and hiring incentives, or help with a human resources question."),
    ("workforce-recruitment", "Workforce Recruitment Assistance",
     "Help filling an employer's openings, such as posting jobs, screening and referring candidates, "
     "or holding a hiring event."),
    ("strategic-planning", "Engaged in Strategic Planning or Economic Development",
     "Work with an employer, often alongside economic development partners, on its longer-term workforce "
     "needs, such as an expansion, a new site or a sector partnership."),
    ("untapped-labor-pools", "Accessing Untapped Labor Pools",
     "Help an employer recruit and hire from groups it does not usually reach, such as people with "
     "disabilities, veterans, older workers, young people or people leaving incarceration."),
    ("training", "Training Services",
     "Training arranged for an employer's new or future hires, such as on-the-job training, customized "
     "training or a Registered Apprenticeship."),
    ("incumbent-worker-training", "Incumbent Worker Training Services",
     "Training for an employer's current workers that raises their skills, keeps them employed or "
     "averts a layoff."),
    ("rapid-response", "Rapid Response or Business Downsizing Assistance",
     "Services for an employer that is laying off workers or closing a site, such as information sessions "
     "for the affected workers and quick access to reemployment and unemployment benefit services."),
    ("planning-layoff-response", "Planning Layoff Response",
     "Help an employer plan before a layoff happens, such as layoff aversion strategies and a response "
     "plan prepared ahead of any announcement."),
]


# --- SQL output ---------------------------------------------------------------------------


def sql_literal(value):
    """Render a Python value as a PostgreSQL literal (standard_conforming_strings on, the default)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if "\x00" in text:
        raise InputError(f"NUL character in value {text!r}")
    return "'" + text.replace("'", "''") + "'"


def insert_statements(table, columns, rows):
    statements = []
    for start in range(0, len(rows), ROWS_PER_INSERT):
        chunk = rows[start:start + ROWS_PER_INSERT]
        values = ",\n".join("    (" + ", ".join(sql_literal(value) for value in row) + ")" for row in chunk)
        statements.append(f"INSERT INTO {table} ({', '.join(columns)}) VALUES\n{values};\n")
    return "\n".join(statements)


def render_sql(naics, states, counties):
    naics_rows = [(row["code"], row["title"], row["level"], row["sector_code"], row["parent_code"])
                  for row in sorted(naics, key=lambda row: (row["level"], row["code"]))]
    program_rows = [(code, name, authority, agency, required, description, index)
                    for index, (code, name, authority, agency, required, description)
                    in enumerate(FEDERAL_PROGRAMS, start=1)]
    category_rows = [(code, name, definition, index)
                     for index, (code, name, definition) in enumerate(EMPLOYER_SERVICE_CATEGORIES, start=1)]

    parts = [
        "-- Reference data every installation ships with.\n"
        "-- Generated by tools/generate-reference-data.py from reference-data/; do not edit by hand.\n"
        "-- Sources and the fixes applied on load are described in reference-data/README.md.\n",
        f"-- NAICS 2022 (US Census Bureau): {len(naics_rows)} codes.\n"
        + insert_statements("naics_code", ["code", "title", "level", "sector_code", "parent_code"], naics_rows),
        f"-- States and the District of Columbia: {len(states)} rows.\n"
        + insert_statements("us_state", ["fips", "abbreviation", "name"], states),
        f"-- Counties and county equivalents: {len(counties)} rows.\n"
        + insert_statements("us_county", ["fips", "state_fips", "name"], counties),
        f"-- One-stop partner programs: {len(program_rows)} rows.\n"
        + insert_statements("federal_program",
                            ["code", "name", "authority", "federal_agency", "required", "description", "sort_order"],
                            program_rows),
        f"-- Employer service categories: {len(category_rows)} rows.\n"
        + insert_statements("employer_service_category", ["code", "name", "definition", "sort_order"],
                            category_rows),
    ]
    return "\n".join(parts)


def check_tables():
    codes = [program[0] for program in FEDERAL_PROGRAMS] + [category[0] for category in EMPLOYER_SERVICE_CATEGORIES]
    for code in codes:
        if not re.fullmatch(r"[a-z0-9-]+", code):
            raise InputError(f"invalid code {code!r}: use lower-case letters, digits and hyphens")
    if len(EMPLOYER_SERVICE_CATEGORIES) != 8:
        raise InputError(f"expected 8 employer service categories, found {len(EMPLOYER_SERVICE_CATEGORIES)}")


def main():
    try:
        check_tables()
        naics = read_naics()
        county_rows = read_county_rows()
        states = read_states(county_rows)
        counties = read_counties(county_rows, states)
    except (InputError, OSError, UnicodeDecodeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1

    print(f"States: {len(states)}; counties: {len(counties)}; federal programs: {len(FEDERAL_PROGRAMS)}; "
          f"employer service categories: {len(EMPLOYER_SERVICE_CATEGORIES)}")
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as output:
        output.write(render_sql(naics, states, counties))
    print(f"Wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
